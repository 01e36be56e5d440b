// An App on a test database, with a clock the test moves, and a browser-like client that keeps
// the learner cookie between calls to the route handlers.
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_RATE_LIMIT_RULES, type RateLimitRules } from '../../../src/server/abuse/rate-limits.ts';
import { createApp, type App } from '../../../src/server/app.ts';
import { exerciseCatalog } from '../../../src/course/course-exercises.ts';
import { createReplayPool, type ReplayPool } from '../../../src/server/grading/replay-pool.ts';
import type { DatabaseHandle } from '../../../src/server/db/open-database.ts';
import { handleRoute, type RouteHandler } from '../../../src/server/http/route.ts';
import type { TestDatabase } from './test-databases.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ORIGIN = 'http://localhost:4321';

export interface TestApp {
  app: App;
  handle: DatabaseHandle;
  clock: { now: Date; advance(ms: number): void };
  /** A fresh App on the same database (new rate-limit counters, same data). */
  withRules(rules: Partial<RateLimitRules>): App;
}

/**
 * Opens one database for the file (PGlite takes seconds to start). Tests share it and stay apart by
 * using their own lesson slugs, browsers and IPs.
 */
export function useTestApp(database: TestDatabase, rules: Partial<RateLimitRules> = {}): () => TestApp {
  let testApp: TestApp | undefined;
  let replays: ReplayPool | undefined;
  beforeAll(async () => {
    replays = createReplayPool(exerciseCatalog());
    const handle = await database.open(await database.createLocation());
    const clock = {
      now: new Date('2026-01-01T12:00:00.000Z'),
      advance(ms: number) {
        this.now = new Date(this.now.getTime() + ms);
      },
    };
    const build = (extra: Partial<RateLimitRules>) =>
      createApp(handle, exerciseCatalog(), {
        adminToken: ADMIN_TOKEN,
        rateLimitRules: { ...DEFAULT_RATE_LIMIT_RULES, ...rules, ...extra },
        now: () => clock.now,
        replays,
      });
    testApp = { app: build({}), handle, clock, withRules: build };
  }, 60_000);
  afterAll(async () => {
    await replays?.close();
    await testApp?.handle.close();
    await database.dropAll();
  });
  return () => {
    if (!testApp) throw new Error('useTestApp: the database is not open yet');
    return testApp;
  };
}

export interface CallOptions {
  params?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  ip?: string;
}

/** A browser: it keeps the cookies the server sets and sends its page's Origin on writes. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly ip = '192.0.2.1') {}

  async call(app: App, handler: RouteHandler, method: string, path: string, options: CallOptions = {}) {
    const headers = new Headers(options.headers);
    if (method !== 'GET' && !headers.has('Origin')) headers.set('Origin', ORIGIN);
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    let requestBody: string | undefined;
    if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      requestBody = JSON.stringify(options.json);
    }
    const request = new Request(new URL(path, ORIGIN), {
      method,
      headers,
      ...(requestBody === undefined ? {} : { body: requestBody }),
    });
    const response = await handleRoute(
      handler,
      { request, params: options.params ?? {}, clientAddress: options.ip ?? this.ip },
      app,
    );
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name, value ?? '');
    }
    const text = await response.text();
    // Tests read the JSON they expect field by field; a schema per response would add nothing.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, body: json };
  }
}
