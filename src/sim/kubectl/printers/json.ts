/**
 * JSON as kubectl prints it: Go's json.MarshalIndent with four spaces, `<`, `>` and `&` escaped
 * as \u003c, \u003e, \u0026 (Go's HTML-safe default). Objects read from the server are
 * unstructured maps, whose keys Go sorts; objects kubectl builds itself (`create --dry-run=client`)
 * keep their struct field order, so the caller chooses.
 */
export interface JsonOptions {
  /** Sort map keys as Go does for map[string]interface{} (objects from the API server). */
  sortKeys?: boolean;
}

export function toJson(value: unknown, options: JsonOptions = {}): string {
  const text = JSON.stringify(options.sortKeys ? sortKeysDeep(value) : value, null, 4);
  return `${escapeHtml(text ?? 'null')}\n`;
}

/** Go's json.Marshal without indentation (the last-applied annotation, jsonpath's object values). */
export function toCompactJson(value: unknown, options: JsonOptions = {}): string {
  return escapeHtml(JSON.stringify(options.sortKeys ? sortKeysDeep(value) : value) ?? 'null');
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareBytes))
    out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return out;
}

/** Go sorts map keys by their UTF-8 bytes; for these keys that is code-unit order. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
