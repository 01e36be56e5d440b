// Lesson comments are read far more often than written. The first page of each lesson is kept for
// a second — the rows, shared by every reader; each viewer's view is still built per request —
// and dropped at once when this process writes a comment. Another process sharing PostgreSQL
// sees this one's writes within that second.
import type { CommentRow } from './comment-view.ts';

export interface PageRows {
  topLevel: CommentRow[];
  replies: CommentRow[];
  hasMore: boolean;
  total: number;
}

const TTL_MS = 1000;
const MAX_ENTRIES = 500;
const caches = new WeakMap<object, Map<string, { rows: Promise<PageRows>; expiresAt: number }>>();

/** `database` is the Kysely instance: every App on one database shares its cache. */
export function cachedPageRows(
  database: object,
  key: string,
  read: () => Promise<PageRows>,
): Promise<PageRows> {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.rows;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  // Concurrent readers of an expired page wait for one query instead of each running it.
  const rows = read();
  cache.set(key, { rows, expiresAt: now + TTL_MS });
  rows.catch(() => cache.delete(key));
  return rows;
}

export function forgetCachedPages(database: object): void {
  caches.get(database)?.clear();
}
