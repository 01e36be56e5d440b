/**
 * The words and line numbers go-yaml v2 (libyaml's port, used by kubectl through sigs.k8s.io/yaml)
 * gives a broken document, derived from the error the `yaml` package found at the same spot.
 *
 * libyaml counts lines from 0 and go-yaml adds 1 only for scanner errors, so a parser error such
 * as "did not find expected key" names the line BEFORE the offending one, and an error on the first
 * line names no line at all. kubectl's learners see exactly these numbers, so we reproduce them.
 */
import type { YAMLError } from 'yaml';

interface GoYamlError {
  message: string;
  /** 0-based line of libyaml's problem mark. */
  line: number;
  /** Scanner errors print line+1, parser errors print the 0-based line. */
  scanner: boolean;
}

export function goYamlErrorMessage(chunk: string, error: YAMLError): string {
  const mapped = mapError(chunk, error);
  const printed = mapped.scanner ? mapped.line + 1 : mapped.line;
  // go-yaml leaves the line out when libyaml's mark is on the first line (line 0).
  return mapped.line === 0 ? `yaml: ${mapped.message}` : `yaml: line ${printed}: ${mapped.message}`;
}

function mapError(chunk: string, error: YAMLError): GoYamlError {
  const pos = error.pos[0];
  const lineAt = (offset: number) => countNewlines(chunk, 0, offset);
  const endOfStream = countNewlines(chunk, 0, chunk.length);
  // At the stream's end libyaml moves to a new line when the last one is not empty.
  const streamEndToken = endOfStream + (chunk.length > 0 && !chunk.endsWith('\n') ? 1 : 0);
  const text = error.message;
  switch (error.code) {
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return { message: 'found character that cannot start any token', line: lineAt(pos), scanner: true };
    case 'TAG_RESOLVE_FAILED':
      return { message: 'found undefined tag handle', line: lineAt(pos), scanner: false };
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (text.startsWith('Nested mappings')) {
        return {
          message: 'mapping values are not allowed in this context',
          line: lineAt(nextMappingColon(chunk, pos)),
          scanner: true,
        };
      }
      return { message: 'did not find expected key', line: lineAt(pos), scanner: false };
    case 'BAD_INDENT':
      if (text.startsWith('Flow sequence') || text.startsWith('Flow map'))
        return unclosedFlow(chunk, pos, text, streamEndToken);
      return { message: 'did not find expected key', line: lineAt(pos), scanner: false };
    case 'MISSING_CHAR':
      if (text.includes('quote'))
        return { message: 'found unexpected end of stream', line: endOfStream, scanner: true };
      if (text.startsWith('Flow sequence') || text.startsWith('Flow map'))
        return unclosedFlow(chunk, pos, text, streamEndToken);
      if (text.startsWith('Implicit map keys need to be followed')) return staleKey(chunk, pos);
      if (text.startsWith('Sequence item without - indicator')) {
        const message = insideSequenceItem(chunk, pos)
          ? "did not find expected '-' indicator"
          : 'did not find expected key';
        return { message, line: lineAt(pos), scanner: false };
      }
      return { message: 'did not find expected key', line: lineAt(pos), scanner: false };
    case 'MULTILINE_IMPLICIT_KEY':
      return staleKey(chunk, pos);
    default:
      return { message: 'did not find expected key', line: lineAt(pos), scanner: false };
  }
}

/** `[a, b` or `{a: b` running into the end: libyaml wants a separator, or a node after `[`/`,`. */
function unclosedFlow(chunk: string, pos: number, text: string, endOfStream: number): GoYamlError {
  const closer = text.startsWith('Flow map') ? '}' : ']';
  const lastToken = chunk.trimEnd().slice(-1);
  const open = chunk.lastIndexOf(closer === ']' ? '[' : '{', Math.max(pos, 0));
  const afterOpen = open >= 0 ? chunk.slice(open + 1).trim() : '';
  if (afterOpen === '' || lastToken === ',')
    return { message: 'did not find expected node content', line: endOfStream, scanner: false };
  return { message: `did not find expected ',' or '${closer}'`, line: endOfStream, scanner: false };
}

/**
 * Whether the line at `pos` starts between the `-` of an indented block sequence item and the
 * item's content: libyaml is then still in the sequence and wants another `-`.
 */
function insideSequenceItem(chunk: string, pos: number): boolean {
  const lines = chunk.split('\n');
  const lineIndex = countNewlines(chunk, 0, pos);
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const isEntry = (line: string) => /^-(\s|$)/.test(line.trimStart());
  const column = indentOf(lines[lineIndex] ?? '');
  for (let i = lineIndex - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = indentOf(line);
    if (indent >= column) continue;
    if (!isEntry(line) || column >= indent + 2) return false;
    // An indentless sequence (`-` at its key's column) opens no block of its own.
    for (let j = i - 1; j >= 0; j--) {
      const parent = lines[j] ?? '';
      if (parent.trim() === '' || parent.trimStart().startsWith('#')) continue;
      if (indentOf(parent) < indent) return true;
      if (indentOf(parent) === indent && !isEntry(parent)) return false;
    }
    return true;
  }
  return false;
}

/**
 * A plain scalar that runs onto the next line where a key was expected. libyaml requires a `:`
 * only when the scalar starts at the column of the block mapping being read; then the key goes
 * stale on the next token's line. Otherwise (the first key under `parent:`) the scalar simply
 * continues and the next `:` is the error.
 */
function staleKey(chunk: string, keyPos: number): GoYamlError {
  const keyLine = countNewlines(chunk, 0, keyPos);
  const lines = chunk.split('\n');
  const keyColumn = keyPos - (chunk.lastIndexOf('\n', keyPos - 1) + 1);
  let previous = keyLine - 1;
  while (previous >= 0 && /^\s*(#.*)?$/.test(lines[previous] ?? '')) previous--;
  const previousLine = lines[previous] ?? '';
  const previousIndent = previousLine.length - previousLine.trimStart().length;
  if (previous >= 0 && previousIndent < keyColumn && /:\s*(#.*)?$/.test(previousLine)) {
    return {
      message: 'mapping values are not allowed in this context',
      line: countNewlines(chunk, 0, nextMappingColon(chunk, keyPos)),
      scanner: true,
    };
  }
  for (let line = keyLine + 1; line < lines.length; line++) {
    const content = (lines[line] ?? '').trim();
    if (content !== '' && !content.startsWith('#'))
      return { message: "could not find expected ':'", line, scanner: true };
  }
  return {
    message: "could not find expected ':'",
    line: countNewlines(chunk, 0, chunk.length),
    scanner: true,
  };
}

/** The first `:` after `from` that starts a mapping value (followed by a space or a line end). */
function nextMappingColon(chunk: string, from: number): number {
  for (let i = from; i < chunk.length; i++) {
    if (chunk[i] === ':' && (i + 1 >= chunk.length || /[ \t\r\n]/.test(chunk[i + 1] as string))) return i;
  }
  return from;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to && i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
