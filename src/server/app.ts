// What every server handler works with: the database, the rate limits, the moderator token, the
// replay threads and the clock. Handlers take it as an argument, so tests build one on an in-memory database.
import type { Kysely } from 'kysely';
import { RateLimits, type RateLimitRules } from './abuse/rate-limits.ts';
import type { DatabaseHandle } from './db/open-database.ts';
import type { Database } from './db/schema.ts';
import { createReplayPool, type ReplayPool } from './grading/replay-pool.ts';
import type { Exercise } from '../grading/index.ts';

export interface App {
  db: Kysely<Database>;
  rateLimits: RateLimits;
  /** Moderation is off when no ADMIN_TOKEN is configured. */
  adminToken: string | undefined;
  /** X-Forwarded-Proto is believed (TRUST_PROXY): see http/forwarded.ts. */
  trustProxy: boolean;
  /** The course's exercises by id: bundled by the site's build, read from disk by test servers. */
  exercises: ReadonlyMap<string, Exercise>;
  /** Worker threads that replay submissions, so that no replay holds the process. */
  replays: ReplayPool;
  now(): Date;
}

export function createApp(
  database: DatabaseHandle,
  exercises: ReadonlyMap<string, Exercise>,
  options: {
    adminToken?: string | undefined;
    trustProxy?: boolean;
    rateLimitRules?: RateLimitRules;
    now?: () => Date;
    /** Apps on one database share one pool (tests build several). */
    replays?: ReplayPool;
  } = {},
): App {
  return {
    db: database.db,
    rateLimits: new RateLimits(options.rateLimitRules, database.pool),
    adminToken: options.adminToken || undefined,
    trustProxy: options.trustProxy ?? false,
    exercises,
    replays: options.replays ?? createReplayPool(exercises),
    now: options.now ?? (() => new Date()),
  };
}
