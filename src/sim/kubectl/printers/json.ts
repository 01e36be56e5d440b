/**
 * JSON as kubectl prints it: Go's json.MarshalIndent with four spaces, `<`, `>` and `&` escaped
 * as \u003c, \u003e, \u0026 (Go's HTML-safe default). Objects read from the server are
 * unstructured maps, whose keys Go sorts; objects kubectl builds itself (`create --dry-run=client`)
 * keep their struct field order, so the caller chooses. Written out by hand because
 * JSON.stringify puts integer-like keys first.
 */
import { goKeyOrder } from './key-order.ts';

export interface JsonOptions {
  /** Sort map keys as Go does for map[string]interface{} (objects from the API server). */
  sortKeys?: boolean;
}

export function toJson(value: unknown, options: JsonOptions = {}): string {
  return `${write(value, options.sortKeys ?? false, '    ', '')}\n`;
}

/** Go's json.Marshal without indentation (the last-applied annotation, jsonpath's object values). */
export function toCompactJson(value: unknown, options: JsonOptions = {}): string {
  return write(value, options.sortKeys ?? false, '', '');
}

/** A copy with every map's keys in sorted order (for printers that keep the order they are given). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of goKeyOrder(record, true)) out[key] = sortKeysDeep(record[key]);
  return out;
}

function write(value: unknown, sort: boolean, step: string, indent: string): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return escapeHtml(JSON.stringify(value));
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = indent + step;
  const newline = step ? '\n' : '';
  const colon = step ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${newline}${value.map((v) => inner + write(v, sort, step, inner)).join(`,${newline}`)}${newline}${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = goKeyOrder(record, sort);
  if (keys.length === 0) return '{}';
  const entries = keys.map(
    (k) => `${inner}${escapeHtml(JSON.stringify(k))}${colon}${write(record[k], sort, step, inner)}`,
  );
  return `{${newline}${entries.join(`,${newline}`)}${newline}${indent}}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
