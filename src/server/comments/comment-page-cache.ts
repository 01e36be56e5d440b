// Lesson comments are read far more often than written. What every reader sees alike — the rows of
// each lesson's first page, the JSON for readers without a learner cookie, the counts — is kept for
// a second and dropped at once when this process writes a comment. Another process sharing
// PostgreSQL sees this one's writes within that second.
const TTL_MS = 1000;
const MAX_ENTRIES = 1000;
const caches = new WeakMap<object, Map<string, { value: Promise<unknown>; expiresAt: number }>>();

/** `database` is the Kysely instance: every App on one database shares its cache. */
export function cached<T>(database: object, key: string, read: () => Promise<T>): Promise<T> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  // Concurrent readers of an expired entry wait for one query instead of each running it.
  const value = read();
  cache.set(key, { value, expiresAt: now + TTL_MS });
  value.catch(() => cache.delete(key));
  return value;
}

export function forgetCachedPages(database: object): void {
  caches.get(database)?.clear();
}
