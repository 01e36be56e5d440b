/**
 * Strategic merge patches as apimachinery's `strategicpatch` makes and applies them: kubectl apply
 * diffs last-applied, the new manifest and the live object into one patch (three-way), and the API
 * server merges it into the live object. Lists with a merge key (containers by name, ports by port)
 * merge item by item; `$setElementOrder`, `$patch: delete` and `$retainKeys` carry order, removals
 * and retained keys, so the patch is the same JSON kubectl would send.
 */
import { listMeta, retainsKeys } from './patch-meta.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const isMap = (value: unknown): value is JsonMap =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** CreateThreeWayMergePatch(original, modified, current): changes from current, deletions from original. */
export function threeWayMergePatch(
  original: JsonMap | undefined,
  modified: JsonMap,
  current: JsonMap,
  kind: string,
): JsonMap {
  const delta = diffMaps(current, modified, kind, [], { ignoreDeletions: true });
  const deletions = original ? diffMaps(original, modified, kind, [], { ignoreChanges: true }) : {};
  return sortKeys(mergePatches(deletions, delta, kind, [])) as JsonMap;
}

interface DiffOptions {
  ignoreDeletions?: boolean;
  ignoreChanges?: boolean;
}

function diffMaps(from: JsonMap, to: JsonMap, kind: string, path: string[], options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  for (const key of Object.keys(to)) {
    const toValue = to[key] as Json;
    const fieldPath = [...path, key];
    if (!(key in from)) {
      if (!options.ignoreChanges) patch[key] = toValue;
      continue;
    }
    const fromValue = from[key] as Json;
    if (isMap(fromValue) && isMap(toValue)) {
      const inner = diffMaps(fromValue, toValue, kind, fieldPath, options);
      if (Object.keys(inner).length > 0) {
        if (retainsKeys(kind, fieldPath) && !options.ignoreChanges)
          inner['$retainKeys'] = Object.keys(toValue).sort();
        patch[key] = inner;
      }
      continue;
    }
    if (Array.isArray(fromValue) && Array.isArray(toValue)) {
      const meta = listMeta(kind, fieldPath);
      if (meta && toValue.every(isMap) && fromValue.every(isMap)) {
        const { items, order } = diffKeyedLists(fromValue, toValue, meta.mergeKey, kind, fieldPath, options);
        if (items.length > 0) {
          patch[`$setElementOrder/${key}`] = order;
          patch[key] = items;
        }
        continue;
      }
    }
    if (!options.ignoreChanges && !deepEqual(fromValue, toValue)) patch[key] = toValue;
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  }
  return patch;
}

function diffKeyedLists(
  from: JsonMap[],
  to: JsonMap[],
  mergeKey: string,
  kind: string,
  path: string[],
  options: DiffOptions,
): { items: JsonMap[]; order: JsonMap[] } {
  const items: JsonMap[] = [];
  const keyOf = (item: JsonMap) => JSON.stringify(item[mergeKey] ?? null);
  const fromByKey = new Map(from.map((item) => [keyOf(item), item]));
  const toKeys = new Set(to.map(keyOf));
  for (const item of to) {
    const previous = fromByKey.get(keyOf(item));
    if (!previous) {
      if (!options.ignoreChanges) items.push(item);
      continue;
    }
    const inner = diffMaps(previous, item, kind, path, options);
    if (Object.keys(inner).length > 0) items.push({ [mergeKey]: item[mergeKey] as Json, ...inner });
  }
  if (!options.ignoreDeletions) {
    for (const item of from) {
      if (!toKeys.has(keyOf(item))) items.push({ $patch: 'delete', [mergeKey]: item[mergeKey] as Json });
    }
  }
  return {
    items: items.map((i) => sortKeys(i) as JsonMap),
    order: to.map((item) => ({ [mergeKey]: item[mergeKey] as Json })),
  };
}

/** Combine the deletions patch and the changes patch (mergeMap of two patches). */
function mergePatches(a: JsonMap, b: JsonMap, kind: string, path: string[]): JsonMap {
  const out: JsonMap = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (isMap(existing) && isMap(value)) out[key] = mergePatches(existing, value, kind, [...path, key]);
    else if (Array.isArray(existing) && Array.isArray(value) && !key.startsWith('$')) {
      const meta = listMeta(kind, [...path, key]);
      if (meta) {
        const keyOf = (item: Json) => JSON.stringify(isMap(item) ? (item[meta.mergeKey] ?? null) : item);
        const merged = [...existing];
        for (const item of value) {
          const index = merged.findIndex((m) => keyOf(m) === keyOf(item));
          if (index < 0) merged.push(item);
          else if (isMap(merged[index]) && isMap(item))
            merged[index] = mergePatches(merged[index] as JsonMap, item, kind, [...path, key]);
        }
        out[key] = merged;
      } else out[key] = value;
    } else out[key] = value;
  }
  return out;
}

/** Apply a strategic merge patch to an object (the API server's side). */
export function applyStrategicMergePatch(
  target: JsonMap,
  patch: JsonMap,
  kind: string,
  path: string[] = [],
): JsonMap {
  if (patch['$patch'] === 'replace') {
    const { $patch: _, ...rest } = patch;
    return structuredClone(rest);
  }
  let out: JsonMap = { ...target };
  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) {
    const keep = new Set(retain.map(String));
    out = Object.fromEntries(Object.entries(out).filter(([key]) => keep.has(key)));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    const fieldPath = [...path, key];
    if (value === null) {
      delete out[key];
      continue;
    }
    const current = out[key];
    if (isMap(value)) {
      out[key] = applyStrategicMergePatch(isMap(current) ? current : {}, value, kind, fieldPath);
      continue;
    }
    const meta = Array.isArray(value) ? listMeta(kind, fieldPath) : undefined;
    if (Array.isArray(value) && meta && value.every(isMap)) {
      out[key] = mergeKeyedList(
        Array.isArray(current) ? current : [],
        value,
        meta.mergeKey,
        kind,
        fieldPath,
        patch[`$setElementOrder/${key}`],
      );
      continue;
    }
    out[key] = structuredClone(value);
  }
  return out;
}

function mergeKeyedList(
  current: Json[],
  patch: JsonMap[],
  mergeKey: string,
  kind: string,
  path: string[],
  order: Json | undefined,
): Json[] {
  const keyOf = (item: Json) => JSON.stringify(isMap(item) ? (item[mergeKey] ?? null) : item);
  let merged = [...current];
  for (const item of patch) {
    const index = merged.findIndex((m) => keyOf(m) === keyOf(item));
    if (item['$patch'] === 'delete') {
      if (index >= 0) merged.splice(index, 1);
      continue;
    }
    if (index < 0) merged.push(structuredClone(item));
    else merged[index] = applyStrategicMergePatch(merged[index] as JsonMap, item, kind, path);
  }
  if (Array.isArray(order)) {
    const rank = new Map(order.map((entry, i) => [keyOf(entry), i]));
    const ordered = merged
      .filter((item) => rank.has(keyOf(item)))
      .sort((a, b) => (rank.get(keyOf(a)) ?? 0) - (rank.get(keyOf(b)) ?? 0));
    merged = [...ordered, ...merged.filter((item) => !rank.has(keyOf(item)))];
  }
  return merged;
}

/** RFC 7386 JSON merge patch (`kubectl patch --type merge`). */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return structuredClone(patch);
  const out: JsonMap = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key] ?? null, value);
  }
  return out;
}

/** Go's json.Marshal of a map: keys sorted, deeply. */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    out[key] = sortKeys(value[key] as Json);
  return out;
}

export type { Json, JsonMap };
