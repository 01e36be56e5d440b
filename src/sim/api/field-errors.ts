/**
 * Field errors as apimachinery's `util/validation/field` makes them: validation returns a list,
 * and each prints as `spec.ports[0].nodePort: Invalid value: 80: detail`.
 */
export type FieldErrorType =
  | 'Not found'
  | 'Required value'
  | 'Duplicate value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Too long'
  | 'Too many'
  | 'Internal error';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail: string;
}

/** Types that print without their bad value (errors.go: ErrorBody). */
const VALUELESS: ReadonlySet<FieldErrorType> = new Set([
  'Required value',
  'Forbidden',
  'Too long',
  'Internal error',
]);

export function fieldErrorBody(error: FieldError): string {
  let body: string = error.type;
  if (!VALUELESS.has(error.type)) body += `: ${formatBadValue(error.badValue)}`;
  if (error.detail) body += `: ${error.detail}`;
  return body;
}

export function formatFieldError(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

/** A bad value the caller already rendered, for a Go struct whose JSON field order only it knows. */
export class GoValue {
  constructor(readonly text: string) {}
}

/**
 * The bad value as apimachinery 1.34+ renders it (errors.go ErrorBody): Go's `%v` for numbers and
 * booleans, `%q` for strings, and `json.Marshal` for everything else (slices, maps, nil, structs).
 */
function formatBadValue(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goJson(value);
}

/** Go's encoding/json: map keys sorted, and `<`, `>`, `&`, U+2028, U+2029 escaped as it does for HTML safety. */
export function goJson(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${goJson(k)}:${goJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/** Go's strconv.Quote (what `%q` prints) for the ASCII control characters a learner can type. */
function goQuote(text: string): string {
  const body = text.replace(
    /[\x00-\x1f\x7f\\"]/g,
    (c) => GO_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${body}"`;
}

export const fieldErrors = {
  required: (field: string, detail = ''): FieldError => ({ type: 'Required value', field, detail }),
  invalid: (field: string, badValue: unknown, detail: string): FieldError => ({
    type: 'Invalid value',
    field,
    badValue,
    detail,
  }),
  notSupported: (field: string, badValue: unknown, valid: readonly string[]): FieldError => ({
    type: 'Unsupported value',
    field,
    badValue,
    detail: `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}`,
  }),
  duplicate: (field: string, badValue: unknown): FieldError => ({
    type: 'Duplicate value',
    field,
    badValue,
    detail: '',
  }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail }),
};
