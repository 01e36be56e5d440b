/**
 * The course offline: after one visit the service worker has cached every lesson, so a lesson never
 * opened before works without the network — its terminal, its editor and its live checklist — and a
 * comment written meanwhile is posted when the network is back. The site is installable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, haveChromium, launchBrowser, type BrowserHandle } from './browser.ts';
import { focusTerminal, openLesson, run, screenText } from './terminal-driver.ts';

describe.skipIf(!haveChromium)('the course offline', () => {
  let handle: BrowserHandle;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    handle = await launchBrowser();
    page = await handle.browser.newPage();
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('opens a lesson never visited, with its terminal, editor and checklist, once offline', async () => {
    await openLesson(page, 'why-services');
    // The first version of the worker takes over as soon as it has cached the course.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 120_000,
    });
    await handle.browser.setOffline(true);
    await openLesson(page, 'nodeport');
    await focusTerminal(page);
    await run(page, 'kubectl get nodes');
    expect(await screenText(page)).toMatch(/worker-1\s+Ready\s+<none>/);

    const exercise = page.locator('kube-exercise[data-exercise-id="nodeport-30033"]');
    await exercise.getByRole('button', { name: 'Start the exercise' }).click();
    await page.locator('kube-exercise[data-active]').waitFor();
    await exercise.locator('li[data-task="service"] .message:not([hidden])').waitFor();
    await focusTerminal(page);
    await run(page, 'kubectl create service nodeport web --tcp=82:300 --node-port=30033');
    await exercise.locator('li[data-task="service"][data-passed]').waitFor({ timeout: 10_000 });

    // Monaco and its workers come from the cache too.
    await page.locator('yaml-editor').first().scrollIntoViewIfNeeded();
    await page.locator('yaml-editor[data-ready] .monaco-editor').first().waitFor({ timeout: 30_000 });
    expect(
      errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error)),
    ).toEqual([]);
  }, 240_000);

  it('keeps a comment written offline and posts it when the network is back', async () => {
    await openLesson(page, 'three-ports');
    await page.locator('kube-comments').scrollIntoViewIfNeeded();
    await page.locator('.kc-new form').waitFor({ timeout: 20_000 });
    await handle.browser.setOffline(true);
    const form = page.locator('.kc-new form');
    await form.waitFor({ timeout: 20_000 });
    const name = form.getByLabel('Display name');
    if (await name.count()) await name.fill('Offline Olga');
    await form.locator('textarea').fill('Written on a train without network.');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => page.locator('.kc-pending').textContent())
      .toBe('You are offline: 1 comment is kept and will be posted when you are back online.');

    await handle.browser.setOffline(false);
    await page
      .locator('.kc-list > .kc-item')
      .filter({ hasText: 'Written on a train without network.' })
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('.kc-pending').isHidden()).toBe(true);
  });

  it('is installable: a manifest with icons shipped by the site', async () => {
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await page.request.get(href!)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const response = await page.request.get(icon.src);
      expect([icon.src, response.status()]).toEqual([icon.src, 200]);
    }
  });
});
