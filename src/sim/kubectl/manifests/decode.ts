/**
 * Turns the text of a manifest file into JSON documents the way kubectl's YAMLOrJSONDecoder does:
 * a stream that starts with `{` is read as concatenated JSON objects; anything else is split on
 * `---` lines and each chunk converted from YAML to JSON with go-yaml v2's rules. Line numbers in
 * errors count from the start of the chunk, as kubectl's do.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type Node } from 'yaml';
import { goYamlErrorMessage } from './yaml-errors.ts';
import { jsonKey, resolvePlainScalar, type PlainValue } from './yaml-scalars.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface DecodedStream {
  /** Documents read before the stream ended or broke; empty documents left out. */
  documents: JsonValue[];
  /** Why the stream stopped early: `error converting YAML to JSON: yaml: line 7: ...`. */
  error?: string;
}

export function decodeManifestStream(text: string): DecodedStream {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trimStart().startsWith('{')) {
    const json = decodeJsonStream(body);
    if (json) return json;
  }
  const documents: JsonValue[] = [];
  for (const chunk of splitYamlDocuments(body)) {
    if ('error' in chunk) return { documents, error: chunk.error };
    const converted = yamlToJson(chunk.text);
    if ('error' in converted)
      return { documents, error: `error converting YAML to JSON: ${converted.error}` };
    if (converted.value !== null) documents.push(converted.value);
  }
  return { documents };
}

/** apimachinery's YAMLReader: a line `---` (followed by nothing, or a comment) ends each document chunk */
function splitYamlDocuments(text: string): ({ text: string } | { error: string })[] {
  const chunks: ({ text: string } | { error: string })[] = [];
  let current = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        chunks.push({ error: `invalid Yaml document separator: ${rest}` });
        return chunks;
      }
      if (current.length > 0) chunks.push({ text: current });
      current = '';
      continue;
    }
    current += line;
  }
  if (current.length > 0) chunks.push({ text: current });
  return chunks;
}

/** Chunks read lately: learners apply the same file again and again, and parsing dominates. */
const recent = new Map<string, { value: JsonValue } | { error: string }>();
const RECENT_LIMIT = 32;

function yamlToJson(chunk: string): { value: JsonValue } | { error: string } {
  let result = recent.get(chunk);
  if (!result) {
    result = convertChunk(chunk);
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
    recent.set(chunk, result);
  }
  return 'value' in result ? { value: structuredClone(result.value) } : result;
}

/** sigs.k8s.io/yaml.YAMLToJSON of one chunk (go-yaml reads only its first document). */
function convertChunk(chunk: string): { value: JsonValue } | { error: string } {
  const parsed = parseAllDocuments(chunk, { schema: 'failsafe', uniqueKeys: false, merge: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  const yamlDocument = documents[0];
  if (!yamlDocument) return { value: null };
  const [first] = [...yamlDocument.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  if (first) return { error: goYamlErrorMessage(chunk, first) };
  const emptyKey = blockPairWithoutKey(yamlDocument.contents as Node | null);
  if (emptyKey !== undefined) {
    // libyaml refuses `: value` in a block mapping; a parser error names the line before.
    return {
      error: `yaml: line ${chunk.slice(0, emptyKey).split('\n').length - 1}: did not find expected key`,
    };
  }
  try {
    return { value: toJson(yamlDocument.contents as Node | null, yamlDocument) };
  } catch (error) {
    if (error instanceof ConversionError) return { error: error.message };
    throw error;
  }
}

class ConversionError extends Error {}

/** Offset of the first `: value` pair with no key in a block mapping, if any. */
function blockPairWithoutKey(node: Node | null): number | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const value = pair.value as Node | null;
      const key = pair.key as Node | null;
      const keyless =
        key === null || (isScalar(key) && key.source === '' && key.range?.[0] === key.range?.[1]);
      if (keyless && !node.flow && value?.range) return value.range[0];
      const inner = blockPairWithoutKey(value);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = blockPairWithoutKey(item as Node | null);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function toJson(node: Node | null, yamlDocument: Document, seen: Set<Node> = new Set()): JsonValue {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(yamlDocument);
    if (!target) throw new ConversionError(`yaml: unknown anchor '${node.source}' referenced`);
    if (seen.has(target)) throw new ConversionError('yaml: anchor cycle');
    return toJson(target, yamlDocument, new Set([...seen, target]));
  }
  if (isScalar(node)) return scalarValue(node);
  if (isSeq(node)) return node.items.map((item) => toJson(item as Node | null, yamlDocument, seen));
  if (isMap(node)) {
    const entries = new Map<string, JsonValue>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const value = toJson(pair.value as Node | null, yamlDocument, seen);
      if (isScalar(keyNode) && keyNode.type === Scalar.PLAIN && keyNode.value === '<<') {
        mergeInto(entries, value);
        continue;
      }
      const key = keyNode === null ? null : toJson(keyNode, yamlDocument, seen);
      if (key !== null && typeof key === 'object') throw new ConversionError('yaml: invalid map key');
      entries.set(jsonKey(key as PlainValue), value);
    }
    // json.Marshal of a Go map writes the keys sorted.
    const sorted: Record<string, JsonValue> = {};
    for (const key of [...entries.keys()].sort(compareBytes)) sorted[key] = entries.get(key) as JsonValue;
    return sorted;
  }
  return null;
}

/** `<<: *base` (or a list of them) merges keys the map does not set itself. */
function mergeInto(entries: Map<string, JsonValue>, value: JsonValue): void {
  const sources = Array.isArray(value) ? value : [value];
  for (const source of sources) {
    if (source === null || typeof source !== 'object' || Array.isArray(source)) {
      throw new ConversionError('yaml: map merge requires map or sequence of maps as the value');
    }
    for (const [key, v] of Object.entries(source)) if (!entries.has(key)) entries.set(key, v);
  }
}

function scalarValue(node: Scalar): JsonValue {
  const text = String(node.value ?? '');
  if (node.type !== Scalar.PLAIN) return text;
  const tag = node.tag;
  if (tag === 'tag:yaml.org,2002:str' || tag === '!!str') return text;
  const value = resolvePlainScalar(text);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const shown = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
    throw new ConversionError(`json: unsupported value: ${shown}`);
  }
  return value;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A stream of JSON objects. Returns undefined when the text is not JSON after all (kubectl then
 * reads it as YAML, which accepts `{a: b,}`); a truncated object is `unexpected EOF`.
 */
function decodeJsonStream(text: string): DecodedStream | undefined {
  const documents: JsonValue[] = [];
  let position = 0;
  while (position < text.length) {
    while (position < text.length && /\s/.test(text[position] as string)) position++;
    if (position >= text.length) break;
    const end = endOfJsonValue(text, position);
    if (end === 'eof') return { documents, error: 'unexpected EOF' };
    if (end === 'invalid')
      return documents.length === 0 ? undefined : { documents, error: 'invalid character in JSON stream' };
    try {
      const value = JSON.parse(text.slice(position, end)) as JsonValue;
      if (value !== null) documents.push(value);
    } catch {
      return documents.length === 0 ? undefined : { documents, error: 'invalid character in JSON stream' };
    }
    position = end;
  }
  return { documents };
}

/** Where the JSON value starting at `start` ends (brackets balanced outside strings). */
function endOfJsonValue(text: string, start: number): number | 'eof' | 'invalid' {
  const opener = text[start];
  if (opener !== '{' && opener !== '[') {
    const match = /^(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(
      text.slice(start),
    );
    return match ? start + match[0].length : 'invalid';
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return 'eof';
}
