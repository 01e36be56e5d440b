import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadExercisesFromDisk } from '../../src/cli/exercise-files.ts';
import { stepsToTranscript } from '../../src/grading/index.ts';
import { pgliteTemplate } from './helpers/pglite-template.ts';
import { startServer, stopServer, type ServerProcess } from './helpers/server-process.ts';
import { describeEachDatabase, type TestDatabase } from './helpers/test-databases.ts';

const SLUG = 'nodeport';
const generous = JSON.stringify({
  commentPerLearner: { points: 1000, durationSeconds: 60, action: 'posting comments' },
  commentPerIp: { points: 100_000, durationSeconds: 60, action: 'posting comments' },
  newLearnerPerIp: { points: 100_000, durationSeconds: 60, action: 'starting new sessions' },
});

/** A learner's browser against one server: keeps its cookie. */
class Learner {
  private cookie = '';
  constructor(private readonly name: string) {}

  async post(origin: string, body: string, parentId?: string) {
    const response = await fetch(`${origin}/api/lessons/${SLUG}/comments`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: origin,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ body, displayName: this.name, ...(parentId ? { parentId } : {}) }),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    return { status: response.status, json: (await response.json()) as { comment?: { id: string } } };
  }
}

/** A browser's calls to the grading and restore API on any server: it keeps its cookie. */
class Browser {
  cookie = '';
  async call(origin: string, method: string, path: string, json?: unknown) {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method === 'GET' ? {} : { Origin: origin }),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}

const nodePortSolution = stepsToTranscript(
  loadExercisesFromDisk().find((exercise) => exercise.id === 'nodeport-30033')!.solutions[0]!.steps,
);

async function allCommentIds(origin: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const response = await fetch(
      `${origin}/api/lessons/${SLUG}/comments?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
    );
    const page = (await response.json()) as {
      comments: Array<{ id: string; replies: Array<{ id: string }> }>;
      nextCursor: string | null;
    };
    for (const comment of page.comments) {
      ids.add(comment.id);
      for (const reply of comment.replies) ids.add(reply.id);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describeEachDatabase('server processes', (database: TestDatabase) => {
  const started: ServerProcess[] = [];
  const dataDirs: string[] = [];
  afterAll(async () => {
    await Promise.all(started.map((server) => stopServer(server, 'SIGKILL')));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    await database.dropAll();
  });

  /** Environment of a server on a fresh database: a PGlite data directory or a PostgreSQL schema. */
  async function freshDatabaseEnv(): Promise<Record<string, string>> {
    if (database.name === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'kube101-data-'));
      dataDirs.push(dir);
      cpSync((await pgliteTemplate()).dataDir, dir, { recursive: true });
      return { DATA_DIR: dir, DATABASE_URL: '' };
    }
    const location = await database.createLocation();
    if (location.driver !== 'postgres') throw new Error('expected a PostgreSQL location');
    return { DATABASE_URL: location.url };
  }

  async function start(env: Record<string, string>) {
    const server = await startServer(env);
    started.push(server);
    return server;
  }

  // The first three tests follow one database through a clean restart, a SIGKILL and a second
  // process: each server start costs seconds, so each test hands its running server to the next.
  let env: Record<string, string> = {};
  let running: ServerProcess | undefined;

  it('keeps comments across a restart, and stops cleanly on SIGTERM', async () => {
    env = { ...(await freshDatabaseEnv()), TEST_RATE_LIMITS: generous };
    const first = await start(env);
    const question = await new Learner('Ada').post(first.origin, 'Does the nodePort survive a restart?');
    expect(question.status).toBe(201);
    const reply = await new Learner('Bo').post(first.origin, 'Yes', question.json.comment?.id);
    expect(reply.status).toBe(201);
    expect(await stopServer(first)).toBe(0);
    if (env.DATA_DIR) expect(existsSync(join(env.DATA_DIR, 'kube101.lock'))).toBe(false);

    running = await start(env);
    expect(await allCommentIds(running.origin)).toEqual(
      new Set([question.json.comment?.id, reply.json.comment?.id]),
    );
  }, 90_000);

  it('loses no acknowledged comment when the process is killed with SIGKILL in a burst of posts', async () => {
    const server = running!;
    const before = await allCommentIds(server.origin);
    const acknowledged: string[] = [];
    const learners = Array.from({ length: 8 }, (_, i) => new Learner(`Burst ${i}`));
    let killed = false;
    const writers = learners.map(async (learner, i) => {
      for (let n = 0; !killed; n++) {
        try {
          const response = await learner.post(server.origin, `burst ${i}/${n}`);
          if (response.status === 201 && response.json.comment) acknowledged.push(response.json.comment.id);
        } catch {
          return; // the connection died with the process
        }
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    });
    await Promise.all(writers);
    expect(await server.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    running = await start(env); // on PGlite, over the lock file the killed process left
    const stored = await allCommentIds(running.origin);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect([...before].filter((id) => !stored.has(id))).toEqual([]);
  }, 90_000);

  it('answers reads while a replay that never yields runs, and ends that replay at its budget', async () => {
    const server = await start(await freshDatabaseEnv());
    const learner = new Browser();
    let replayEnded = false;
    // Its regular expression backtracks 2^40 times inside one command: only ending the thread stops it.
    const hostile = learner
      .call(server.origin, 'POST', '/api/submissions', {
        exerciseId: 'nodeport-30033',
        transcript: [{ type: 'exec', line: `echo ${'a'.repeat(40)}b | grep -E '^(a+)+$'` }],
      })
      .finally(() => (replayEnded = true));
    let answeredDuringReplay = 0;
    while (!replayEnded) {
      const read = await fetch(`${server.origin}/api/exercises`);
      expect(read.status).toBe(200);
      if (!replayEnded) answeredDuringReplay++;
    }
    expect(await hostile).toMatchObject({ status: 422, body: { error: { code: 'replay_timeout' } } });
    // On the server's own thread this replay would never end, and no read after it started would be
    // answered; in a thread of its own, reads go on all along until the thread is ended.
    expect(answeredDuringReplay).toBeGreaterThan(20);
    await stopServer(server);
  }, 60_000);

  if (database.name === 'postgres') {
    it('holds rate limits across two processes sharing PostgreSQL', async () => {
      const env = {
        ...(await freshDatabaseEnv()),
        TEST_RATE_LIMITS: JSON.stringify({
          commentPerIp: { points: 6, durationSeconds: 60, action: 'posting comments' },
        }),
      };
      const [a, b] = await Promise.all([start(env), start(env)]);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const server = i % 2 === 0 ? a : b;
        statuses.push((await new Learner(`Twin ${i}`).post(server.origin, `post ${i}`)).status);
      }
      // Each process alone would have accepted 6; together they accept 6.
      expect(statuses.filter((status) => status === 201)).toHaveLength(6);
      expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
      // And both processes see every accepted comment.
      expect((await allCommentIds(a.origin)).size).toBe(6);
      expect((await allCommentIds(b.origin)).size).toBe(6);
      await Promise.all([stopServer(a), stopServer(b)]);
    }, 60_000);

    it('shows the same progress from either process, and restores it through the other', async () => {
      const env = await freshDatabaseEnv();
      const [a, b] = await Promise.all([start(env), start(env)]);
      const learner = new Browser();
      const graded = await learner.call(a.origin, 'POST', '/api/submissions', {
        exerciseId: 'nodeport-30033',
        transcript: nodePortSolution,
      });
      expect(graded).toMatchObject({ status: 201, body: { passed: true, score: 100 } });
      const onA = await learner.call(a.origin, 'GET', '/api/progress');
      const onB = await learner.call(b.origin, 'GET', '/api/progress');
      expect(onB.body).toEqual(onA.body);
      expect(onB.body['progress']).toEqual([
        expect.objectContaining({ exerciseId: 'nodeport-30033', passed: true }),
      ]);

      // A code made through one process works through the other, in a browser without the cookie.
      const made = await learner.call(a.origin, 'POST', '/api/restore-codes');
      const elsewhere = new Browser();
      const restored = await elsewhere.call(b.origin, 'POST', '/api/restore', { code: made.body['code'] });
      expect(restored.status).toBe(200);
      expect((await elsewhere.call(a.origin, 'GET', '/api/progress')).body).toEqual(onA.body);
      await Promise.all([stopServer(a), stopServer(b)]);
    }, 60_000);
  } else {
    it('refuses a second process on the same PGlite data directory with a clear message', async () => {
      const second = startServer(env);
      await expect(second).rejects.toThrow(
        /The data directory .* is in use by process \d+\. PGlite serves one process/,
      );
      // The first one still serves.
      expect((await new Learner('Cy').post(running!.origin, 'still here')).status).toBe(201);
      await stopServer(running!);
    }, 60_000);
  }
});
