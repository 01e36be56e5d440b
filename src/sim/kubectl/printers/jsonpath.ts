/**
 * kubectl's JSONPath dialect (k8s.io/client-go/util/jsonpath): a template of text and `{...}`
 * actions with fields, `[*]`, indexes and slices, `..`, filters `[?(@.type=="InternalIP")]`,
 * unions, `{range ...}{end}` and string literals. Strings print raw, maps and lists as compact
 * JSON, several results joined by a space. npm's JSONPath packages implement Goessner's syntax for
 * a single expression, without kubectl's template text, range/end or output rules, so the dialect
 * is implemented here.
 */
import { toCompactJson } from './json.ts';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'list'; nodes: Node[] }
  | { kind: 'field'; name: string }
  | { kind: 'root' }
  | { kind: 'current' }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'array'; params: [number | undefined, number | undefined, number | undefined]; single: boolean }
  | { kind: 'filter'; left: Node[]; operator: string; right: Node[] }
  | { kind: 'union'; branches: Node[][] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'range'; nodes: Node[] }
  | { kind: 'end' };

export class JsonPathParseError extends Error {}
export class JsonPathExecuteError extends Error {}

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys (default true): a missing field prints nothing. */
  allowMissingKeys?: boolean;
}

/** A parsed template, ready to run on objects. Throws JsonPathParseError with client-go's message. */
export class JsonPath {
  readonly #nodes: Node[];

  constructor(readonly template: string) {
    this.#nodes = new Parser(template).parse();
  }

  /** The values of the template's first action (custom-columns reads one path per column). */
  findResults(data: unknown): unknown[] {
    const first = this.#nodes.find((n) => n.kind === 'list');
    if (!first || first.kind !== 'list') return [];
    return evaluate(first.nodes, [data], data, true);
  }

  execute(data: unknown, options: JsonPathOptions = {}): string {
    const out: string[] = [];
    const allowMissing = options.allowMissingKeys ?? true;
    const walk = (nodes: readonly Node[], contexts: unknown[]): void => {
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as Node;
        if (node.kind === 'text') {
          out.push(node.text);
        } else if (node.kind === 'list') {
          if (node.nodes[0]?.kind === 'range') {
            // {range X}...{end}: the body runs once per result of X.
            const rangeNode = node.nodes[0];
            const results = evaluate(rangeNode.nodes, contexts, data, allowMissing);
            const end = findEnd(nodes, i + 1);
            const body = nodes.slice(i + 1, end);
            for (const value of results) walk(body, [value]);
            i = end;
            continue;
          }
          if (node.nodes[0]?.kind === 'end') throw new JsonPathExecuteError('not in range, nothing to end');
          const results = evaluate(node.nodes, contexts, data, allowMissing);
          out.push(results.map(printable).join(' '));
        }
      }
    };
    walk(this.#nodes, [data]);
    return out.join('');
  }
}

function findEnd(nodes: readonly Node[], from: number): number {
  let depth = 0;
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    if (node.kind !== 'list') continue;
    const first = node.nodes[0];
    if (first?.kind === 'range') depth++;
    if (first?.kind === 'end') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return nodes.length;
}

/** A result as PrintResults writes it: maps and lists as JSON, the rest with fmt.Print. */
function printable(value: unknown): string {
  if (value !== null && typeof value === 'object') return toCompactJson(value, { sortKeys: true });
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return formatGoNumber(value);
  return String(value);
}

function formatGoNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

function evaluate(
  nodes: readonly Node[],
  contexts: unknown[],
  root: unknown,
  allowMissing: boolean,
): unknown[] {
  let current = contexts;
  for (const node of nodes) {
    switch (node.kind) {
      case 'root':
        current = [root];
        break;
      case 'current':
        break;
      case 'literal':
        current = [node.value];
        break;
      case 'field': {
        const next: unknown[] = [];
        for (const value of current) {
          if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            const record = value as Record<string, unknown>;
            if (Object.hasOwn(record, node.name)) next.push(record[node.name]);
            else if (!allowMissing) throw new JsonPathExecuteError(`${node.name} is not found`);
          } else if (!allowMissing && value !== null && value !== undefined) {
            throw new JsonPathExecuteError(`${node.name} is not found`);
          }
        }
        current = next;
        break;
      }
      case 'wildcard': {
        const next: unknown[] = [];
        for (const value of current) {
          if (Array.isArray(value)) next.push(...value);
          else if (value !== null && typeof value === 'object') {
            const record = value as Record<string, unknown>;
            for (const key of Object.keys(record).sort()) next.push(record[key]);
          }
        }
        current = next;
        break;
      }
      case 'recursive': {
        const next: unknown[] = [];
        const visit = (value: unknown): void => {
          next.push(value);
          if (Array.isArray(value)) value.forEach(visit);
          else if (value !== null && typeof value === 'object') {
            const record = value as Record<string, unknown>;
            for (const key of Object.keys(record).sort()) visit(record[key]);
          }
        };
        current.forEach(visit);
        current = next;
        break;
      }
      case 'array': {
        const next: unknown[] = [];
        for (const value of current) {
          if (!Array.isArray(value)) {
            if (value === null || value === undefined) continue;
            throw new JsonPathExecuteError(`${typeName(value)} is not array or slice and cannot be filtered`);
          }
          const length = value.length;
          let [start, end, step] = node.params;
          start ??= 0;
          if (start < 0) start += length;
          if (node.single) end = start + 1;
          else {
            end ??= length;
            if (end < 0) end += length;
          }
          step ??= 1;
          if (node.single || end !== start) {
            if (start >= length || start < 0) {
              throw new JsonPathExecuteError(`array index out of bounds: index ${start}, length ${length}`);
            }
          }
          if (end > length) end = length;
          for (let i = start; i < end; i += step) next.push(value[i]);
        }
        current = next;
        break;
      }
      case 'filter': {
        const next: unknown[] = [];
        for (const value of current) {
          const items = Array.isArray(value)
            ? value
            : value !== null && typeof value === 'object'
              ? [value]
              : [];
          for (const item of items) {
            const left = evaluate(node.left, [item], root, true);
            if (node.operator === 'exists') {
              if (left.length > 0) next.push(item);
              continue;
            }
            const right = evaluate(node.right, [item], root, true);
            if (left.length === 0 || right.length === 0) continue;
            if (compare(left[0], node.operator, right[0])) next.push(item);
          }
        }
        current = next;
        break;
      }
      case 'union': {
        const next: unknown[] = [];
        for (const branch of node.branches) next.push(...evaluate(branch, current, root, allowMissing));
        current = next;
        break;
      }
      case 'list':
        current = evaluate(node.nodes, current, root, allowMissing);
        break;
      default:
        break;
    }
  }
  return current;
}

function typeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  return 'map[string]interface {}';
}

function compare(left: unknown, operator: string, right: unknown): boolean {
  if (typeof left === 'number' && typeof right === 'number') {
    switch (operator) {
      case '==':
        return left === right;
      case '!=':
        return left !== right;
      case '<':
        return left < right;
      case '>':
        return left > right;
      case '<=':
        return left <= right;
      case '>=':
        return left >= right;
    }
  }
  const l = left === null || typeof left !== 'object' ? String(left) : JSON.stringify(left);
  const r = right === null || typeof right !== 'object' ? String(right) : JSON.stringify(right);
  switch (operator) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
  }
  return false;
}

/** client-go's jsonpath Parser: text, then actions between `{` and `}`. */
class Parser {
  #pos = 0;
  constructor(readonly input: string) {}

  fail(message: string): never {
    throw new JsonPathParseError(message);
  }

  parse(): Node[] {
    const nodes: Node[] = [];
    while (this.#pos < this.input.length) {
      const open = this.input.indexOf('{', this.#pos);
      if (open < 0) {
        nodes.push({ kind: 'text', text: this.input.slice(this.#pos) });
        break;
      }
      if (open > this.#pos) nodes.push({ kind: 'text', text: this.input.slice(this.#pos, open) });
      this.#pos = open + 1;
      nodes.push({ kind: 'list', nodes: this.parseAction() });
    }
    return nodes;
  }

  peek(offset = 0): string | undefined {
    return this.input[this.#pos + offset];
  }

  /** Inside `{...}` up to the matching `}`. */
  parseAction(): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('unclosed action');
      if (c === '}') {
        this.#pos++;
        return nodes;
      }
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        this.#pos++;
        continue;
      }
      const rest = this.input.slice(this.#pos);
      if (nodes.length === 0 && /^range\s/.test(rest)) {
        this.#pos += 5;
        nodes.push({ kind: 'range', nodes: this.parseAction() });
        return nodes;
      }
      if (nodes.length === 0 && /^end\s*}/.test(rest)) {
        this.#pos += 3;
        nodes.push({ kind: 'end' });
        continue;
      }
      if (c === '"' || c === "'") {
        nodes.push({ kind: 'literal', value: this.parseQuoted(c) });
        continue;
      }
      if (c === '$') {
        this.#pos++;
        nodes.push({ kind: 'root' });
        continue;
      }
      if (c === '@') {
        this.#pos++;
        nodes.push({ kind: 'current' });
        continue;
      }
      if (c === '.') {
        if (this.peek(1) === '.') {
          this.#pos += 2;
          nodes.push({ kind: 'recursive' });
          if (this.peek() !== '.' && this.peek() !== '[') nodes.push(this.parseField());
          continue;
        }
        this.#pos++;
        if (this.peek() === undefined || this.peek() === '}' || this.peek() === '.' || this.peek() === '[')
          continue;
        nodes.push(this.parseField());
        continue;
      }
      if (c === '[') {
        nodes.push(this.parseBracket());
        continue;
      }
      if (c === '*') {
        this.#pos++;
        nodes.push({ kind: 'wildcard' });
        continue;
      }
      if (/[-0-9]/.test(c)) {
        const match = /^-?\d+(\.\d+)?/.exec(rest);
        if (match) {
          this.#pos += match[0].length;
          nodes.push({ kind: 'literal', value: Number(match[0]) });
          continue;
        }
      }
      if (/^(true|false)\b/.test(rest)) {
        const value = rest.startsWith('true');
        this.#pos += value ? 4 : 5;
        nodes.push({ kind: 'literal', value });
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        nodes.push(this.parseField());
        continue;
      }
      const code = c.codePointAt(0) as number;
      this.fail(
        `unrecognized character in action: U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
      );
    }
  }

  parseField(): Node {
    let name = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined || ' \t\r\n.,[]$@{}'.includes(c)) break;
      if (c === '\\' && this.peek(1) !== undefined) {
        name += this.peek(1);
        this.#pos += 2;
        continue;
      }
      name += c;
      this.#pos++;
    }
    return name === '*' ? { kind: 'wildcard' } : { kind: 'field', name };
  }

  parseQuoted(quote: string): string {
    let text = '';
    this.#pos++;
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '\n') this.fail('unterminated quoted string');
      this.#pos++;
      if (c === quote) break;
      if (c === '\\') {
        const e = this.peek();
        this.#pos++;
        const escapes: Record<string, string> = {
          n: '\n',
          t: '\t',
          r: '\r',
          '\\': '\\',
          '"': '"',
          "'": "'",
          '0': '\0',
        };
        text += e !== undefined && escapes[e] !== undefined ? escapes[e] : `\\${e ?? ''}`;
        continue;
      }
      text += c;
    }
    return text;
  }

  /** `[0]`, `[1:3]`, `[*]`, `[?(...)]`, `['key']`, `[a,b]`. */
  parseBracket(): Node {
    const close = this.findClose();
    const body = this.input.slice(this.#pos + 1, close);
    this.#pos = close + 1;
    if (body.startsWith('?(')) {
      if (!body.endsWith(')')) this.fail('unclosed array expect ]');
      return this.parseFilter(body.slice(2, -1));
    }
    if (body === '*') return { kind: 'wildcard' };
    const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(body);
    if (quoted) return { kind: 'field', name: quoted[1] ?? quoted[2] ?? '' };
    if (body.includes(',')) {
      const branches = body
        .split(',')
        .map((part) =>
          new Parser(
            `{${part.trim().startsWith('.') || part.trim().startsWith('[') ? part.trim() : `.${part.trim()}`}}`,
          ).parse(),
        );
      return { kind: 'union', branches: branches.map((nodes) => (nodes[0] as { nodes: Node[] }).nodes) };
    }
    const slice = /^\s*(-?\d+)?\s*(?::\s*(-?\d+)?\s*(?::\s*(-?\d+)?)?)?\s*$/.exec(body);
    if (!slice || body.trim() === '') this.fail(`invalid array index ${body}`);
    const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
    return {
      kind: 'array',
      params: [num(slice[1]), num(slice[2]), num(slice[3])],
      single: !body.includes(':'),
    };
  }

  findClose(): number {
    let depth = 0;
    let quote: string | undefined;
    for (let i = this.#pos; i < this.input.length; i++) {
      const c = this.input[i];
      if (quote) {
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']') {
        depth--;
        if (depth === 0) return i;
      }
    }
    return this.fail('unclosed array expect ]');
  }

  parseFilter(expression: string): Node {
    const match = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(expression);
    const side = (text: string): Node[] => {
      const nodes = new Parser(`{${text.trim()}}`).parse();
      return (nodes[0] as { nodes: Node[] }).nodes;
    };
    if (!match) return { kind: 'filter', left: side(expression), operator: 'exists', right: [] };
    return {
      kind: 'filter',
      left: side(match[1] ?? ''),
      operator: match[2] ?? '==',
      right: side(match[3] ?? ''),
    };
  }
}

/** Go's `%#v` of an unstructured object, as kubectl dumps it when a template fails. */
export function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return formatGoNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${goSyntax(record[key])}`);
  return `map[string]interface {}{${entries.join(', ')}}`;
}
