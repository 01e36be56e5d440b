/** Reading the course: pages, navigation, themes, search, keyboard, phone, and an axe sweep of every page. */
import { describe, expect, it } from 'vitest';
import { axeViolations, baseURL, haveChromium, useBrowserPage } from './browser.ts';
import { loadLessonsFromDisk } from '../../src/cli/lesson-files.ts';

const lessons = loadLessonsFromDisk()
  .sort((a, b) => a.data.order - b.data.order)
  .map((lesson) => lesson.slug);
const pages = [
  '/',
  '/lessons/',
  ...lessons.map((slug) => `/lessons/${slug}/`),
  '/glossary/',
  '/progress/',
  '/404',
];

describe.skipIf(!haveChromium)('reading the course', () => {
  const { context, page, errors } = useBrowserPage();

  it('leads from the home page to the first lesson, which reads as a lesson', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Learn how a request finds its pod.',
    );
    await page.getByRole('link', { name: /Start with lesson 1/ }).click();
    await page.waitForURL('**/lessons/why-services/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Why Services');
    expect(await page.getByRole('heading', { level: 2, name: 'The cluster and the app' }).isVisible()).toBe(
      true,
    );
    // Highlighted by Shiki, with both themes' colours.
    const firstCode = page.locator('article pre.astro-code').first();
    expect(await firstCode.textContent()).toBe('kubectl get deployments');
    expect(await firstCode.locator('span[style*="--shiki-dark"]').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: /Next → Labels and selectors/ }).click();
    await page.waitForURL('**/lessons/labels-and-selectors/');
    expect(await page.getByRole('link', { name: /← Previous Why Services/ }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the outline with progress: a visited lesson is marked', async () => {
    await page.goto('/lessons/');
    const first = page.locator('li[data-lesson="why-services"]');
    await expect.poll(() => first.getAttribute('data-status')).toBe('visited');
    expect(await first.textContent()).toContain('(Visited)');
  });

  it('copies a code block', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto('/lessons/why-services/');
    await page.getByRole('button', { name: 'Copy' }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kubectl get deployments');
    expect(await page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
  });

  it('follows the system theme, switches on request and keeps the choice across pages without a flash', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(15, 20, 25)');
    const toggle = page.getByRole('button', { name: /Theme:/ });
    await toggle.click();
    expect(await toggle.textContent()).toContain('Theme: light');
    expect(await background()).toBe('rgb(251, 251, 253)');
    // The inline head script applies the choice before the first paint of the next page.
    await page.goto('/lessons/', { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await background()).toBe('rgb(251, 251, 253)');
    await page.getByRole('button', { name: /Theme:/ }).click();
    await page.getByRole('button', { name: /Theme:/ }).click();
    expect(await page.evaluate(() => localStorage.getItem('kube101:theme'))).toBe(null);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('finds lessons with the search built at build time', async () => {
    await page.goto('/');
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the course' });
    await dialog.waitFor();
    const input = dialog.getByRole('searchbox').or(dialog.locator('input')).first();
    await input.fill('nodeport');
    const result = dialog.getByRole('link', { name: /NodePort: the same port on every node/ }).first();
    await result.waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
  });

  it('can be used with the keyboard alone: skip link, then run a command from a code block', async () => {
    await page.goto('/lessons/why-services/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    // Tab through the lesson until the first "Run in terminal" button has focus.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (name?.endsWith('Run in terminal')) break;
    }
    await page.keyboard.press('Enter');
    await page.locator('kube-terminal[data-ready]').waitFor();
    await page.locator('kube-terminal:not([data-busy])').waitFor();
    await expect
      .poll(() => page.locator('kube-terminal .xterm-rows').textContent(), { timeout: 10_000 })
      .toMatch(/web\s+3\/3\s+3\s+3/);
    // The terminal now has the focus: typing goes to the shell.
    expect(await page.evaluate(() => document.activeElement?.closest('.xterm') !== null)).toBe(true);
  });

  it('serves hashed assets as immutable', async () => {
    await page.goto('/lessons/why-services/');
    const css = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href^="/_astro/"]')!.href,
    );
    const response = await fetch(css);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('has no axe-core violations on any page, in either theme', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of pages) {
        await page.goto(path);
        if (path.startsWith('/lessons/') && path !== '/lessons/') {
          await page.locator('kube-terminal[data-ready]').waitFor({ timeout: 20_000 });
        }
        if (path === '/lessons/nodeport/') {
          await page.locator('yaml-editor').first().scrollIntoViewIfNeeded();
          await page.locator('yaml-editor[data-ready]').waitFor({ timeout: 20_000 });
          await page.locator('cluster-map').scrollIntoViewIfNeeded();
          await page.locator('cluster-map[data-ready]').waitFor({ timeout: 20_000 });
        }
        for (const violation of await axeViolations(page)) {
          const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
          found.push(`${scheme} ${path}: ${violation.id} (${violation.help}) at ${targets}`);
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(found).toEqual([]);
  }, 240_000);
});

describe.skipIf(!haveChromium)('on a phone', () => {
  const { page } = useBrowserPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  it('fits the screen, folds the outline away and offers the command palette', async () => {
    await page.goto('/lessons/why-services/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    expect(await outline.getByRole('link', { name: /Why Services/ }).isVisible()).toBe(false);
    await outline.getByText('Course outline').tap();
    expect(await outline.getByRole('link', { name: /Why Services/ }).isVisible()).toBe(true);

    const palette = page.getByRole('group', { name: 'Tap a command to put it at the prompt' });
    await palette.scrollIntoViewIfNeeded();
    await page.locator('kube-terminal[data-ready]').waitFor({ timeout: 20_000 });
    await palette.getByRole('button', { name: 'kubectl get deployments' }).tap();
    await expect
      .poll(() => page.locator('kube-terminal .xterm-rows').textContent())
      .toContain('$ kubectl get deployments');
    await page.getByRole('button', { name: 'Run ⏎' }).tap();
    await expect
      .poll(() => page.locator('kube-terminal .xterm-rows').textContent(), { timeout: 10_000 })
      .toContain('UP-TO-DATE');
  });
});
