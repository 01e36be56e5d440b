/**
 * The quiz at the end of a lesson, graded in the page; and progress carried to another browser with a
 * restore link, then deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, haveChromium, launchBrowser, useBrowserPage, type BrowserHandle } from './browser.ts';

describe.skipIf(!haveChromium)('the quiz', () => {
  const { page, errors } = useBrowserPage();

  it('explains the answer chosen, and the right one when it was wrong, with the keyboard alone', async () => {
    await page.goto('/lessons/why-services/');
    const quiz = page.getByRole('region', { name: 'Check your understanding' });
    await quiz.scrollIntoViewIfNeeded();
    // With the script running, the answers are not given away in disclosures.
    expect(await quiz.getByText('Show the answer').first().isVisible()).toBe(false);

    const first = quiz.getByRole('group').first();
    await first
      .getByRole('radio', {
        name: /The Service `web`, its ClusterIP and its port|The Service web, its ClusterIP and its port/,
      })
      .check();
    const second = quiz.getByRole('group').nth(1);
    await second.getByRole('radio', { name: /On every pod of/ }).focus();
    await page.keyboard.press('Space');
    await quiz.getByRole('button', { name: 'Check my answers' }).press('Enter');

    const count = await quiz.getByRole('group').count();
    await expect
      .poll(() => quiz.getByRole('status').textContent())
      .toBe(`1 of ${count} right.${count > 2 ? ` ${count - 2} not answered yet.` : ''}`);
    expect(await first.locator('li.right .why').textContent()).toMatch(
      /^Right\. The Service is an object of its own/,
    );
    expect(await second.locator('li.wrong .why').textContent()).toMatch(
      /^Not quite\. A Service is not a broadcast/,
    );
    expect(await second.locator('li.right .why').textContent()).toMatch(
      /^Right\. The Service's address is virtual/,
    );
    expect(await axeViolations(page)).toEqual([]);

    await quiz.getByRole('button', { name: 'Start again' }).click();
    expect(await quiz.locator('.why:not([hidden])').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!haveChromium)('progress in another browser', () => {
  let home: BrowserHandle;
  let laptop: BrowserHandle;

  beforeAll(async () => {
    [home, laptop] = await Promise.all([launchBrowser(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all([home?.close(), laptop?.close()]);
  });

  it('travels with a restore link, shows on the outline, and can be deleted', async () => {
    const page = await home.browser.newPage();
    await page.goto('/progress/');
    // A pass on the server for this browser's learner: graded from the exercise's own solution route.
    const graded = await page.evaluate(() =>
      fetch('/api/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          exerciseId: 'nodeport-30033',
          transcript: [
            { type: 'exec', line: 'kubectl create service nodeport web --tcp=82:300 --node-port=30033' },
            { type: 'exec', line: 'kubectl get svc' },
          ],
        }),
      }).then((response) => response.json()),
    );
    expect(graded).toMatchObject({ passed: true });

    await page.getByRole('button', { name: 'Make a restore code' }).click();
    const status = page.locator('progress-tools .status');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Restore code made: [0-9A-Z]{4}(-[0-9A-Z]{4}){3}\./);
    const link = await page.locator('.code-link').getAttribute('href');
    expect(link).toMatch(/\/progress\/#restore=[0-9A-Z-]{19}$/);
    expect(await axeViolations(page)).toEqual([]);

    const other = await laptop.browser.newPage();
    await other.goto(link!);
    // The link fills the form but restores only when the learner says so.
    const restore = other.getByRole('button', { name: 'Restore', exact: true });
    await expect.poll(() => other.evaluate(() => document.activeElement?.textContent)).toBe('Restore');
    expect(other.url()).not.toContain('#restore=');
    await restore.press('Enter');
    await expect
      .poll(() => other.locator('progress-tools .status').textContent())
      .toBe('Progress restored: 1 exercise passed. This browser now shares it.');
    const lesson = other.locator('li[data-lesson="nodeport"]');
    await expect.poll(() => lesson.textContent()).toMatch(/\(1 of \d+ exercises done\)/);

    await other.getByRole('button', { name: 'Delete my progress…' }).click();
    await other.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect
      .poll(() => other.locator('progress-tools .status').textContent())
      .toBe('Your progress was deleted.');
    await page.reload();
    await expect
      .poll(() => page.locator('li[data-lesson="nodeport"]').getAttribute('data-status'))
      .not.toBe('in-progress');
  });
});
