/**
 * Comments API budget (docs/ARCHITECTURE.md): ≥ 1,000 reads/s and p99 ≤ 50 ms at 50 connections, for one
 * lesson's first page of comments (60 threads with replies), on loopback against the built Astro
 * server (`dist/server/entry.mjs`, PGlite in a fresh DATA_DIR, or PostgreSQL with BENCH_DATABASE_URL).
 * Then posts/s: writes are rate-limited on the real server (a few per learner per minute), so they are
 * measured on the same handlers behind a plain node:http server (tests/db/helpers/api-server.ts)
 * with the limits lifted; every post renders Markdown and commits one row.
 * `npm run bench:comments` (add `-- --no-build` to reuse dist/). Exits non-zero when a budget is broken.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEFAULT_RATE_LIMIT_RULES, type RateLimitRules } from '../../src/server/abuse/rate-limits.ts';
import { createApp } from '../../src/server/app.ts';
import { postComment } from '../../src/server/comments/comment-writes.ts';
import { openDatabase, type DatabaseLocation } from '../../src/server/db/open-database.ts';
import { freePort } from '../helpers/free-port.ts';

const SLUG = 'nodeport';
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const budgets = { readsPerSecond: 1000, p99Ms: 50 };
const unlimited = Object.fromEntries(
  Object.entries(DEFAULT_RATE_LIMIT_RULES).map(([name, rule]) => [name, { ...rule, points: 1e9 }]),
) as RateLimitRules;

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Env for a server on a fresh database, seeded with a realistic thread, and the cookie of a learner. */
async function seededDatabase(): Promise<{ env: Record<string, string>; cleanUp(): void }> {
  const url = process.env.BENCH_DATABASE_URL;
  const dataDir = url ? undefined : mkdtempSync(join(tmpdir(), 'kube101-bench-'));
  const location: DatabaseLocation = url
    ? { driver: 'postgres', url }
    : { driver: 'pglite', dataDir: dataDir! };
  const handle = await openDatabase(location);
  const app = createApp(handle, new Map(), { rateLimitRules: unlimited });
  await handle.db.deleteFrom('comment_reports').execute();
  await handle.db.deleteFrom('comments').where('lesson_slug', '=', SLUG).execute();
  const learner = { id: crypto.randomUUID(), displayName: 'Bench' };
  await handle.db
    .insertInto('learners')
    .values({
      id: learner.id,
      display_name: 'Bench',
      created_at: new Date(),
    })
    .execute();
  const body = (i: number) =>
    `Question ${i}: why does **port 82** map to \`targetPort: 300\`?\n\n\`\`\`yaml\nports:\n  - port: 82\n    targetPort: 300\n    nodePort: 30033\n\`\`\``;
  for (let i = 0; i < 60; i++) {
    const parent = await postComment(app, learner, {
      slug: SLUG,
      body: body(i),
      parentId: undefined,
      displayName: undefined,
    });
    for (let r = 0; r < 2; r++) {
      await postComment(app, learner, {
        slug: SLUG,
        body: `Reply ${r} to ${i}`,
        parentId: parent.id,
        displayName: undefined,
      });
    }
  }
  await handle.close();
  return {
    env: url ? { DATABASE_URL: url } : { DATA_DIR: dataDir!, DATABASE_URL: '' },
    cleanUp: () => dataDir && rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function waitForServer(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('the server exited while starting');
    const ok = await fetch(`${base}/api/comments/counts`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${base} did not answer in 60 s`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function printResult(what: string, result: autocannon.Result) {
  console.log(
    `${what}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result['2xx']} ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
  );
}

// Reads, through the built Astro server.
const reads = await seededDatabase();
const readPort = await freePort();
const astro = spawn(process.execPath, ['dist/server/entry.mjs'], {
  env: { ...process.env, ...reads.env, HOST: '127.0.0.1', PORT: String(readPort) },
  stdio: 'ignore',
});
const readBase = `http://127.0.0.1:${readPort}`;
let readResult: autocannon.Result;
try {
  await waitForServer(readBase, astro);
  const page = (await (await fetch(`${readBase}/api/lessons/${SLUG}/comments`)).json()) as {
    comments: unknown[];
    total: number;
  };
  console.log(`A page holds ${page.comments.length} threads of ${page.total} comments.`);
  await autocannon({ url: `${readBase}/api/lessons/${SLUG}/comments`, connections: 10, duration: 2 }); // warm-up
  // The machine's ceiling for this server: a static file, no database, no JSON.
  printResult(
    `baseline GET /favicon.svg, 50 connections, ${DURATION_S} s`,
    await autocannon({ url: `${readBase}/favicon.svg`, connections: 50, duration: DURATION_S }),
  );
  // As a browser asks: with Accept-Encoding (the shared first page is served gzipped).
  readResult = await autocannon({
    url: `${readBase}/api/lessons/${SLUG}/comments`,
    connections: 50,
    duration: DURATION_S,
    headers: { 'Accept-Encoding': 'gzip, deflate, br' },
  });
  printResult(`GET /api/lessons/${SLUG}/comments, 50 connections, ${DURATION_S} s`, readResult);
} finally {
  await stop(astro);
  reads.cleanUp();
}

// Posts, through the same handlers with the rate limits lifted.
const writes = await seededDatabase();
const writePort = await freePort();
const handlers = spawn(process.execPath, ['--import', 'tsx', 'tests/db/helpers/api-server.ts'], {
  env: {
    ...process.env,
    ...writes.env,
    PORT: String(writePort),
    TEST_RATE_LIMITS: JSON.stringify(unlimited),
  },
  stdio: 'ignore',
});
const writeBase = `http://127.0.0.1:${writePort}`;
let postResult: autocannon.Result;
try {
  await waitForServer(writeBase, handlers);
  const first = await fetch(`${writeBase}/api/lessons/${SLUG}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: writeBase },
    body: JSON.stringify({ body: 'first', displayName: 'Poster' }),
  });
  const cookie = first.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  let n = 0;
  postResult = await autocannon({
    url: `${writeBase}/api/lessons/${SLUG}/comments`,
    connections: 10,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: writeBase, Cookie: cookie },
        // Every body differs: the same text twice would be refused as a duplicate.
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            body: `Post ${++n}: is **nodePort 30033** open on every node?\n\n\`kubectl get svc\``,
          }),
        }),
      },
    ],
  });
  printResult(`POST /api/lessons/${SLUG}/comments, 10 connections, ${DURATION_S} s`, postResult);
} finally {
  await stop(handlers);
  writes.cleanUp();
}

const broken: string[] = [];
if (readResult.requests.average < budgets.readsPerSecond)
  broken.push(`reads/s ${readResult.requests.average} < ${budgets.readsPerSecond}`);
if (readResult.latency.p99 > budgets.p99Ms)
  broken.push(`read p99 ${readResult.latency.p99} ms > ${budgets.p99Ms} ms`);
if (readResult.non2xx > 0 || postResult.non2xx > 0) broken.push('some requests failed');
console.log(broken.length === 0 ? 'Comments budget met.' : `Comments budget BROKEN: ${broken.join('; ')}`);
process.exit(broken.length === 0 ? 0 : 1);
