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

/** A bad value printed as given: Go's `%#v` of a struct, which only the caller can spell. */
export class GoValue {
  constructor(readonly text: string) {}
}

/** Go's %q for strings, %d for numbers, %v for the rest, as errors.go prints a bad value. */
function formatBadValue(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return `[]${typeof value[0] === 'number' ? 'int32' : 'string'}{${value.map(formatBadValue).join(', ')}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${formatBadValue(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
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
