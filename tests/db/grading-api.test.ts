import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteProgress,
  getExercises,
  getProgress,
  postSubmission,
} from '../../src/server/grading/grading-routes.ts';
import { handleRoute } from '../../src/server/http/route.ts';
import { exerciseCatalog } from '../../src/course/course-exercises.ts';
import { createReplayPool } from '../../src/server/grading/replay-pool.ts';
import { createApp } from '../../src/server/app.ts';
import { stepsToTranscript } from '../../src/grading/index.ts';
import { ORIGIN, TestBrowser, useTestApp } from './helpers/test-app.ts';
import { describeEachDatabase } from './helpers/test-databases.ts';

const exercise = exerciseCatalog().get('nodeport-30033');
if (!exercise) throw new Error('the nodeport-30033 exercise is missing');
const solution = stepsToTranscript(exercise.solutions[0]?.steps ?? []);

/**
 * A line that never yields: its regular expression backtracks 2^40 times inside one command, where
 * the simulator's own budget checks never run. Only ending the thread stops it.
 */
const neverYields = {
  type: 'exec',
  line: `echo ${'a'.repeat(40)}b | grep -E '^(a+)+$'`,
} as const;

let nextIp = 1;
const freshIp = () => `203.0.113.${nextIp++}`;

describeEachDatabase('grading API', (database) => {
  const testApp = useTestApp(database);
  const submit = (browser: TestBrowser, json: unknown) =>
    browser.call(testApp().app, postSubmission, 'POST', '/api/submissions', { json });

  it('lists exercises without their solutions or checks', async () => {
    const response = await handleRoute(
      getExercises,
      { request: new Request(`${ORIGIN}/api/exercises`), params: {}, clientAddress: '127.0.0.1' },
      testApp().app,
    );
    const body = (await response.json()) as { exercises: Record<string, unknown>[] };
    const listed = body.exercises.find((e) => e['id'] === 'nodeport-30033');
    expect(listed).toMatchObject({ title: exercise.title, lesson: 'nodeport' });
    // Only what a learner may see: no solutions, known mistakes, checks or hints.
    for (const listed of body.exercises) {
      expect(Object.keys(listed).sort()).toEqual(['id', 'lesson', 'order', 'tasks', 'title']);
      for (const task of listed['tasks'] as Record<string, unknown>[])
        expect(Object.keys(task).sort()).toEqual(['id', 'title']);
    }
  });

  it('grades a correct transcript, keeps the best result, and forgets it on request', async () => {
    const learner = new TestBrowser(freshIp());
    const failed = await submit(learner, { exerciseId: exercise.id, transcript: [] });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ exerciseId: exercise.id, passed: false, score: 0 });
    expect(failed.body.checks[0]).toMatchObject({ id: 'service', passed: false });
    expect(failed.body.checks[0].message).toContain('There is no Service named `web`');

    const passed = await submit(learner, { exerciseId: exercise.id, transcript: solution });
    expect(passed.body).toMatchObject({ passed: true, score: 100 });
    expect(passed.body.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);

    const progress = await learner.call(testApp().app, getProgress, 'GET', '/api/progress');
    expect(progress.body.progress).toEqual([
      expect.objectContaining({ exerciseId: exercise.id, passed: true, score: 100, submissions: 2 }),
    ]);
    const removed = await learner.call(testApp().app, deleteProgress, 'DELETE', '/api/progress');
    expect(removed.status).toBe(204);
    const after = await learner.call(testApp().app, getProgress, 'GET', '/api/progress');
    expect(after.body.progress).toEqual([]);
  });

  it('never trusts a grade sent by the client', async () => {
    const forger = new TestBrowser(freshIp());
    const forged = await submit(forger, {
      exerciseId: exercise.id,
      transcript: [{ type: 'exec', line: 'kubectl get svc' }],
      passed: true,
      score: 100,
      checks: [{ id: 'service', passed: true, message: 'ok' }],
    });
    expect(forged.body).toMatchObject({ passed: false });
    expect(forged.body.score).toBeLessThan(100);
  });

  it('answers bad input with a clear 4xx', async () => {
    const browser = new TestBrowser(freshIp());
    const unknown = await submit(browser, { exerciseId: 'nope', transcript: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'unknown_exercise', message: 'There is no exercise "nope".' });

    const badStep = await submit(browser, { exerciseId: exercise.id, transcript: [{ type: 'exec' }] });
    expect(badStep.status).toBe(400);
    expect(badStep.body.error.code).toBe('invalid_transcript');

    const long = await submit(browser, {
      exerciseId: exercise.id,
      transcript: Array.from({ length: 100_000 }, () => ({ type: 'exec', line: 'k get po' })),
    });
    expect(long.status).toBe(413);

    const huge = await browser.call(testApp().app, postSubmission, 'POST', '/api/submissions', {
      json: {
        exerciseId: exercise.id,
        transcript: [{ type: 'write', path: 'a.yaml', content: 'x'.repeat(10 * 1024 * 1024) }],
      },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
  });

  it('refuses invalid UTF-8 and malformed JSON', async () => {
    for (const [body, code] of [
      [new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'invalid_utf8'],
      [new TextEncoder().encode('{"exerciseId": '), 'invalid_json'],
    ] as const) {
      const response = await handleRoute(
        postSubmission,
        {
          request: new Request(`${ORIGIN}/api/submissions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
            body,
          }),
          params: {},
          clientAddress: freshIp(),
        },
        testApp().app,
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  // Work that never ends (headless, each `while true` stops after 1,000 rounds, so four of them nest
  // 10^12 rounds), so that only the budget can stop it, however fast the machine: a budget that does
  // not stop it fails the test by its timeout.
  const endless = (body: string) =>
    `while true; do while true; do while true; do while true; do ${body}; done; done; done; done`;

  it('stops a replay that runs past its time budget and keeps serving', async () => {
    const browser = new TestBrowser(freshIp());
    const looping = await submit(browser, {
      exerciseId: exercise.id,
      transcript: [
        ...solution,
        { type: 'exec', line: endless('kubectl get pods -A; kubectl describe nodes') },
      ],
    });
    expect(looping.status).toBe(422);
    expect(looping.body.error.code).toBe('replay_timeout');
    const after = await submit(browser, { exerciseId: exercise.id, transcript: solution });
    expect(after.body.passed).toBe(true);
  }, 30_000);

  it('stops a single line that would run far past the budget', async () => {
    const browser = new TestBrowser(freshIp());
    const line = endless(
      'kubectl create deployment d --image=nginx --replicas=3; kubectl delete deployment d',
    );
    const heavy = await submit(browser, { exerciseId: exercise.id, transcript: [{ type: 'exec', line }] });
    expect(heavy.status).toBe(422);
    expect(heavy.body.error.code).toBe('replay_timeout');
  }, 30_000);
});

describeEachDatabase('grading API with a small replay pool', (database) => {
  const testApp = useTestApp(database);
  // One thread and one place in the queue; a budget of a second (the hostile replays never end anyway).
  const replays = createReplayPool(exerciseCatalog(), { threads: 1, queuedPerThread: 1, budgetMs: 1000 });
  afterAll(() => replays.close());
  const submit = (json: unknown) =>
    new TestBrowser(freshIp()).call(
      createApp(testApp().handle, exerciseCatalog(), { replays }),
      postSubmission,
      'POST',
      '/api/submissions',
      { json },
    );

  it('ends a replay that never yields, and answers 503 with Retry-After when the pool is full', async () => {
    // Three at once: one runs, one waits, the third finds the pool full (whichever comes third).
    const hostile = { exerciseId: exercise.id, transcript: [neverYields] };
    const answers = await Promise.all([submit(hostile), submit(hostile), submit(hostile)]);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.headers.get('Retry-After')).toBe('1');
    expect(refused[0]?.body.error.code).toBe('grading_busy');
    const ended = answers.filter((answer) => answer.status !== 503);
    expect(ended.map((answer) => [answer.status, answer.body.error.code])).toEqual([
      [422, 'replay_timeout'],
      [422, 'replay_timeout'],
    ]);
    // The thread that was ended is replaced.
    const after = await submit({ exerciseId: exercise.id, transcript: solution });
    expect(after.body).toMatchObject({ passed: true, score: 100 });
  }, 60_000);
});

describe('exercise catalog bundled into the server', () => {
  it('holds every exercise file', () => {
    expect([...exerciseCatalog().keys()]).toContain('nodeport-30033');
  });
});
