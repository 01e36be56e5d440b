/**
 * How kubectl reads an unquoted YAML scalar: sigs.k8s.io/yaml parses with go-yaml v2, which
 * follows YAML 1.1 (`yes`, `on`, `y` are true; `0777` is octal) but keeps timestamps and `12:30`
 * as strings. Keys resolve the same way, so a key `y` becomes `"true"` in the JSON.
 */

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const NAN = new Set(['.nan', '.NaN', '.NAN']);
const INFINITY = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const MINUS_INFINITY = new Set(['-.inf', '-.Inf', '-.INF']);
/** go-yaml's yamlStyleFloat. */
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

export type PlainValue = string | number | boolean | null;

/** go-yaml v2 `resolve` for a plain (unquoted, untagged) scalar. */
export function resolvePlainScalar(text: string): PlainValue {
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  if (NULL.has(text)) return null;
  if (NAN.has(text)) return Number.NaN;
  if (INFINITY.has(text)) return Number.POSITIVE_INFINITY;
  if (MINUS_INFINITY.has(text)) return Number.NEGATIVE_INFINITY;
  const first = text[0] ?? '';
  if (!/[-+.0-9]/.test(first)) return text;
  const plain = text.replaceAll('_', '');
  const integer = parseGoInt(plain);
  if (integer !== undefined) return integer;
  if (FLOAT.test(plain)) return Number(plain);
  return text;
}

/** strconv.ParseInt(s, 0, 64): decimal, `0x`, `0o`, `0b` and a leading `0` for octal. */
function parseGoInt(text: string): number | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  const digits = match[2] as string;
  let value: number;
  if (/^0[xX]/.test(digits)) value = Number.parseInt(digits.slice(2), 16);
  else if (/^0[oO]/.test(digits)) value = Number.parseInt(digits.slice(2), 8);
  else if (/^0[bB]/.test(digits)) value = Number.parseInt(digits.slice(2), 2);
  else if (digits.length > 1 && digits.startsWith('0')) value = Number.parseInt(digits.slice(1), 8);
  else value = Number.parseInt(digits, 10);
  return value === 0 ? 0 : sign * value;
}

/** How sigs.k8s.io/yaml writes a non-string key into JSON. */
export function jsonKey(value: PlainValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatGoFloat(value);
  return String(value);
}

/** strconv.FormatFloat(f, 'g', -1, 64) for the keys that need it. */
function formatGoFloat(value: number): string {
  const text = String(value);
  return text.includes('e') ? text.replace(/e([+-])(\d)$/, 'e$10$2') : text;
}
