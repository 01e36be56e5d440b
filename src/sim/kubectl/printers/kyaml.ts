/**
 * `-o kyaml` (kubectl 1.34+, sigs.k8s.io/yaml/kyaml): a YAML subset that reads like JSON — flow
 * maps and lists one entry per line with trailing commas, every string double-quoted, keys bare
 * unless YAML could read them as something else, multi-line strings as escaped line
 * continuations. Keys keep the order they are given in (sorted for objects from the server).
 */
import { goKeyOrder } from './key-order.ts';

const RESERVED_KEYS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'n',
  'N',
  'no',
  'No',
  'NO',
  't',
  'T',
  'f',
  'F',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  'null',
  'Null',
  'NULL',
  '~',
]);

export function toKyaml(value: unknown, options: { sortKeys?: boolean } = {}): string {
  return `---\n${node(value, 0, options.sortKeys ?? false)}\n`;
}

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(name) && !RESERVED_KEYS.has(name) ? name : quote(name);
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** A value whose first line starts at the cursor; `indent` is its line's indentation. */
function node(value: unknown, indent: number, sort: boolean): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
      // Lists of maps: `[{ ... }, { ... }]`.
      return `[${value.map((v) => node(v, indent, sort)).join(', ')}]`;
    }
    return `[\n${value.map((v) => `${pad}  ${node(v, indent + 2, sort)},\n`).join('')}${pad}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = goKeyOrder(record, sort);
    if (keys.length === 0) return '{}';
    let out = '{\n';
    for (const k of keys) out += `${pad}  ${key(k)}: ${node(record[k], indent + 2, sort)},\n`;
    return `${out}${pad}}`;
  }
  if (typeof value === 'string') return value.includes('\n') ? multiline(value, indent) : quote(value);
  if (value === null) return 'null';
  return String(value);
}

/** `"\` then each line escaped and continued with `\`, one level deeper than the key. */
function multiline(text: string, indent: number): string {
  const body = ' '.repeat(indent + 3);
  const lines = text.split('\n');
  const last = lines.pop() as string;
  let out = '"\\\n';
  for (const line of lines) out += `${body}${escape(line)}\\n\\\n`;
  if (last !== '') out += `${body}${escape(last)}\\\n`;
  return `${out}${' '.repeat(indent + 2)}"`;
}

function escape(line: string): string {
  return JSON.stringify(line).slice(1, -1);
}
