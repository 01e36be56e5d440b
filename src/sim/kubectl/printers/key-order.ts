/**
 * The order of an object's keys as Go wrote them. JavaScript enumerates integer-like keys ("1",
 * "80") before the others whatever order they were set in; Go structs never have such fields, so a
 * map holding one is a Go map, which Go always writes with its keys sorted.
 */
export function goKeyOrder(record: Readonly<Record<string, unknown>>, sort: boolean): string[] {
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  if (sort || keys.some((k) => /^(0|[1-9]\d*)$/.test(k))) keys.sort(compareBytes);
  return keys;
}

/** Go sorts map keys by their UTF-8 bytes; for these keys that is code-unit order. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
