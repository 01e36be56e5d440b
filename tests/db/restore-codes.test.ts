/**
 * Carrying progress to another browser with a restore code: the code works in any spelling a
 * learner might type, brings the progress and what the new browser had done, expires, is replaced
 * by a new one, and cannot be guessed at speed.
 */
import { describe, expect, it } from 'vitest';
import { getProgress, postSubmission, deleteProgress } from '../../src/server/grading/grading-routes.ts';
import { exerciseCatalog } from '../../src/course/course-exercises.ts';
import { deleteRestoreCode, postRestore, postRestoreCode } from '../../src/server/learners/restore-routes.ts';
import { stepsToTranscript } from '../../src/grading/index.ts';
import { TestBrowser, useTestApp } from './helpers/test-app.ts';
import { describeEachDatabase } from './helpers/test-databases.ts';

const nodePort = exerciseCatalog().get('nodeport-30033')!;
const clusterIp = exerciseCatalog().get('clusterip-dns-names')!;
const solve = (exercise: typeof nodePort) => stepsToTranscript(exercise.solutions[0]!.steps);

let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

describeEachDatabase('restore codes', (database) => {
  const testApp = useTestApp(database);
  const app = () => testApp().app;

  async function learnerWithPass(exercise = nodePort): Promise<TestBrowser> {
    const browser = new TestBrowser(freshIp());
    const submitted = await browser.call(app(), postSubmission, 'POST', '/api/submissions', {
      json: { exerciseId: exercise.id, transcript: solve(exercise) },
    });
    expect(submitted.body).toMatchObject({ passed: true });
    return browser;
  }

  const progressOf = async (browser: TestBrowser) =>
    (await browser.call(app(), getProgress, 'GET', '/api/progress')).body.progress.map(
      (row: { exerciseId: string; passed: boolean }) => `${row.exerciseId}:${row.passed}`,
    );

  async function makeCode(browser: TestBrowser): Promise<string> {
    const made = await browser.call(app(), postRestoreCode, 'POST', '/api/restore-codes');
    expect(made.status).toBe(201);
    return made.body.code as string;
  }

  const restore = (browser: TestBrowser, code: unknown) =>
    browser.call(app(), postRestore, 'POST', '/api/restore', { json: { code } });

  it('gives another browser the same progress, and keeps what that browser had done', async () => {
    const home = await learnerWithPass(nodePort);
    const code = await makeCode(home);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

    const laptop = await learnerWithPass(clusterIp);
    const restored = await restore(laptop, code.toLowerCase().replace(/-/g, ' '));
    expect(restored.status).toBe(200);
    expect(restored.headers.getSetCookie()[0]).toMatch(/^kube101_learner=.+; .*HttpOnly; SameSite=Lax/);
    const expected = [`${clusterIp.id}:true`, `${nodePort.id}:true`];
    expect(await progressOf(laptop)).toEqual(expected);
    // Both browsers are now the same learner: the first sees the second's pass too.
    expect(await progressOf(home)).toEqual(expected);
  });

  it('refuses a wrong, expired or replaced code with the same clear message', async () => {
    const home = await learnerWithPass();
    const message = /^That restore code is not valid\. Check it, or make a new one/;
    const wrong = await restore(new TestBrowser(freshIp()), '0000-0000-0000-0000');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 'invalid_restore_code',
      message: expect.stringMatching(message),
    });

    const old = await makeCode(home);
    const replacement = await makeCode(home);
    expect((await restore(new TestBrowser(freshIp()), old)).status).toBe(400);
    expect((await restore(new TestBrowser(freshIp()), replacement)).status).toBe(200);

    await home.call(app(), deleteRestoreCode, 'DELETE', '/api/restore-codes');
    expect((await restore(new TestBrowser(freshIp()), replacement)).status).toBe(400);

    const lasting = await makeCode(home);
    testApp().clock.advance(31 * 24 * 60 * 60 * 1000);
    const expired = await restore(new TestBrowser(freshIp()), lasting);
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(message);
  });

  it('counts guesses per IP whether or not the code exists', async () => {
    const guesser = new TestBrowser(freshIp());
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await restore(guesser, `AAAA-AAAA-AAAA-AAA${i % 10}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  });

  it('answers a malformed body and a cross-site request with 4xx, changing nothing', async () => {
    const browser = new TestBrowser(freshIp());
    expect((await restore(browser, 12345)).status).toBe(400);
    expect((await restore(browser, 'x'.repeat(100))).status).toBe(400);
    const crossSite = await browser.call(app(), postRestoreCode, 'POST', '/api/restore-codes', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('deleting progress in one browser deletes it for every browser of the learner', async () => {
    const home = await learnerWithPass();
    const laptop = new TestBrowser(freshIp());
    expect((await restore(laptop, await makeCode(home))).status).toBe(200);
    expect((await laptop.call(app(), deleteProgress, 'DELETE', '/api/progress')).status).toBe(204);
    expect(await progressOf(home)).toEqual([]);
  });
});

describe('restore code spelling', () => {
  it('reads what a learner types: case, spaces, dashes, O for 0 and I or L for 1', async () => {
    const { normaliseRestoreCode } = await import('../../src/server/learners/restore-codes.ts');
    expect(normaliseRestoreCode(' 7k2m-9qxd 4b8t-jn3r ')).toBe('7K2M9QXD4B8TJN3R');
    expect(normaliseRestoreCode('OIL0')).toBe('0110');
  });
});
