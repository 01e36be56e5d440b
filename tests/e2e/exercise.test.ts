/** An exercise in its lesson: start it, solve it in the terminal, watch the checklist tick, submit, reload. */
import { describe, expect, it } from 'vitest';
import { axeViolations, baseURL, haveChromium, launchBrowser, useBrowserPage } from './browser.ts';
import { focusTerminal, openLesson, run, waitForScreen } from './terminal-driver.ts';

describe.skipIf(!haveChromium)('an exercise on its lesson page', () => {
  const { context, page, errors } = useBrowserPage();

  it('ticks the checklist as the learner works, passes on the server and keeps the progress', async () => {
    await openLesson(page, 'nodeport');
    const exercise = page.locator('kube-exercise[data-exercise-id="nodeport-30033"]');
    await expect(
      exercise.getByRole('heading', { name: 'Open the app on node port 30033' }).count(),
    ).resolves.toBe(1);
    const task = (id: string) => exercise.locator(`li[data-task="${id}"]`);

    await exercise.getByRole('button', { name: 'Start the exercise' }).click();
    await page.locator('kube-exercise[data-active]').waitFor();
    // The exercise's own file is in an editor of its own, under the checklist.
    const fileEditor = exercise.locator('yaml-editor[data-file="service.yaml"]');
    expect(await fileEditor.isVisible()).toBe(true);
    await task('service').locator('.message:not([hidden])').waitFor();
    expect(await task('service').getAttribute('data-passed')).toBeNull();
    expect(await task('service').locator('.message').textContent()).toContain(
      'There is no Service named `web` yet',
    );

    // A hint at a time.
    await task('service').getByRole('button', { name: 'Show a hint' }).click();
    expect(await task('service').locator('.hints li:not([hidden])').count()).toBe(1);

    await focusTerminal(page);
    await run(page, 'kubectl create service nodeport web --tcp=82:300 --node-port=30033');
    await page.locator('li[data-task="service"][data-passed]').waitFor();
    await page.locator('li[data-task="ports"][data-passed]').waitFor();
    // The ticks are announced, not only drawn.
    expect(await exercise.locator('p.verdict').textContent()).toMatch(/^(Task done: .+\.|\d tasks done\.)$/);
    expect(await page.locator('li[data-task="listed"][data-passed]').count()).toBe(0);
    await run(page, 'kubectl get svc');
    for (const id of ['service', 'ports', 'endpoints', 'traffic', 'listed']) {
      await page.locator(`li[data-task="${id}"][data-passed]`).waitFor({ timeout: 10_000 });
    }

    await exercise.getByRole('button', { name: 'Submit' }).click();
    const verdict = exercise.locator('p.verdict');
    await expect
      .poll(() => verdict.textContent(), { timeout: 20_000 })
      .toMatch(/^Passed: the server replayed your work and every task holds \(5 of 5 tasks, score 100%\)/);
    await exercise.locator('.passed-badge:not([hidden])').waitFor();

    await page.reload();
    await page
      .locator('kube-exercise[data-exercise-id="nodeport-30033"][data-passed]')
      .waitFor({ timeout: 10_000 });
    expect(await exercise.locator('.passed-badge').isVisible()).toBe(true);
    // Still the exercise's cluster after the reload: the checklist comes back ticked.
    await page.locator('li[data-task="listed"][data-passed]').waitFor({ timeout: 10_000 });
    // The server is the truth: the progress is kept there, not only in this browser.
    const progress = await page.evaluate(() => fetch('/api/progress').then((r) => r.json()));
    expect(progress.progress).toContainEqual(
      expect.objectContaining({ exerciseId: 'nodeport-30033', passed: true, score: 100 }),
    );
    expect(errors).toEqual([]);
  });

  it("shares work done in an exercise so that it replays from the exercise's start", async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openLesson(page, 'nodeport');
    await page.locator('kube-exercise[data-active]').waitFor({ timeout: 10_000 });
    await page.locator('kube-terminal').getByRole('button', { name: 'Share' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#exercise=nodeport-30033&replay=[\w-]+$/);

    const stranger = await launchBrowser();
    try {
      const other = await stranger.browser.newPage();
      await other.goto(link);
      await other
        .locator('kube-exercise[data-exercise-id="nodeport-30033"][data-active]')
        .waitFor({ timeout: 20_000 });
      for (const id of ['service', 'ports', 'endpoints', 'traffic', 'listed']) {
        await other.locator(`li[data-task="${id}"][data-passed]`).waitFor({ timeout: 20_000 });
      }
    } finally {
      await stranger.close();
    }
  });

  it("starts over on Reset, and lets go when the lab's own Reset returns to the lesson", async () => {
    await openLesson(page, 'nodeport');
    const exercise = page.locator('kube-exercise[data-exercise-id="nodeport-30033"]');
    // Still the exercise from the test before: its work is there until Reset.
    await page.locator('li[data-task="service"][data-passed]').waitFor({ timeout: 10_000 });
    await exercise.getByRole('button', { name: 'Reset to the start' }).click();
    await expect.poll(() => page.locator('li[data-task][data-passed]').count(), { timeout: 10_000 }).toBe(0);
    await focusTerminal(page);
    await run(page, 'kubectl get deployments');
    // The exercise's setup, not the lesson's: kube101/hello on port 300.
    await run(page, 'kubectl get deployment web -o jsonpath={.spec.template.spec.containers[0].image}');
    await waitForScreen(page, /kube101\/hello/);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('kube-terminal').getByRole('button', { name: 'Reset' }).click();
    await exercise.getByRole('button', { name: 'Start the exercise' }).waitFor();
    expect(await page.locator('kube-exercise[data-active]').count()).toBe(0);
    await page.reload();
    await page.locator('kube-terminal[data-ready]').waitFor({ timeout: 20_000 });
    expect(await exercise.getByRole('button', { name: 'Start the exercise' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
