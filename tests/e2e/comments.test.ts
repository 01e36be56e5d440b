/** Comments in the browser: post, reply, edit, delete and a refused post, by keyboard only; axe; no-JS reading. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, haveChromium, launchPlainBrowser, useBrowserPage } from './browser.ts';

const commentsPage = '/lessons/nodeport/comments/';

/** Presses Tab until the focused element matches `selector` (and contains `text`): proves it is reachable. */
async function tabTo(page: Page, selector: string, text = ''): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(
      ([css, wanted]) => {
        const active = document.activeElement;
        return !!active && active.matches(css) && (active.textContent ?? '').includes(wanted);
      },
      [selector, text] as const,
    );
    if (found) return;
  }
  throw new Error(`Tab never reached ${selector} ${text}`);
}

describe.skipIf(!haveChromium)('comments', () => {
  const { page, errors } = useBrowserPage();

  beforeAll(async () => {
    page.on('dialog', (dialog) => void dialog.accept());
  });

  it('posts, replies, edits and deletes with the keyboard alone', async () => {
    // The first request may open a fresh PGlite data directory: slow on a busy machine.
    await page.goto(commentsPage, { timeout: 90_000 });
    await page.getByLabel('Display name').waitFor();
    const status = page.locator('.kube-comments [role="status"]');

    await tabTo(page, 'input[name="displayName"]');
    await page.keyboard.type('Keyboard Kim');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Why does **port 82** map to `targetPort: 300`?');
    await tabTo(page, 'button[type="submit"]', 'Post comment');
    await page.keyboard.press('Enter');

    await page.locator('.kc-list > .kc-item').filter({ hasText: 'Why does port 82' }).waitFor();
    const questionId = await page
      .locator('.kc-list > .kc-item')
      .filter({ hasText: 'Why does port 82' })
      .getAttribute('id');
    const question = page.locator(`[id="${questionId}"]`);
    expect(await question.locator('.kc-body strong').textContent()).toBe('port 82');
    expect(await page.evaluate(() => document.activeElement?.closest('.kc-item')?.textContent)).toContain(
      'Why does port 82',
    );
    await expect.poll(() => status.textContent()).toBe('Your comment was posted.');
    // The name is asked once.
    expect(await page.getByLabel('Display name').count()).toBe(0);

    await tabTo(page, 'button', 'Reply');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Because the Service port and the container port differ.');
    await tabTo(page, 'button[type="submit"]', 'Post reply');
    await page.keyboard.press('Enter');
    const reply = question.locator('.kc-replies > .kc-item');
    await reply.waitFor();
    expect(await reply.locator('.kc-author').textContent()).toBe('Keyboard Kim');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('.kc-count').focus();
    await tabTo(page, 'button', 'Edit');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Why does *port 82* go to port 300?');
    await tabTo(page, 'button[type="submit"]', 'Save');
    await page.keyboard.press('Enter');
    await question.locator('.kc-edited').first().waitFor();
    expect(await question.locator('.kc-comment').first().locator('.kc-body').textContent()).toBe(
      'Why does port 82 go to port 300?',
    );

    await page.locator('.kc-count').focus();
    await tabTo(page, 'button', 'Delete');
    await page.keyboard.press('Enter'); // the top-level comment: its reply keeps it as a placeholder
    await question.locator('.kc-placeholder').waitFor();
    expect(await question.locator('.kc-placeholder').textContent()).toBe('This comment was deleted.');
    expect(await reply.locator('.kc-body').textContent()).toBe(
      'Because the Service port and the container port differ.',
    );
    expect(errors).toEqual([]);
  }, 150_000);

  it('keeps the text of a refused post and says why', async () => {
    const textarea = page.locator('.kc-new textarea');
    const long = 'x'.repeat(5001);
    await textarea.fill(long);
    await page.locator('.kc-new button[type="submit"]').click();
    const alert = page.locator('.kc-new [role="alert"]');
    await expect
      .poll(() => alert.textContent())
      .toBe('A comment can be at most 5000 characters long; this one has 5001.');
    expect(await textarea.inputValue()).toBe(long);
  });

  it('passes axe with the form, the thread and a placeholder on the page', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the comments to a reader without JavaScript', async () => {
    const plain = await launchPlainBrowser();
    try {
      const context = await plain.newContext({ javaScriptEnabled: false });
      const noScript = await context.newPage();
      await noScript.goto(new URL(commentsPage, page.url()).toString());
      expect(await noScript.locator('.kc-list .kc-body').allTextContents()).toContain(
        'Because the Service port and the container port differ.',
      );
      expect(await noScript.locator('.kc-placeholder').textContent()).toBe('This comment was deleted.');
    } finally {
      await plain.close();
    }
  });
});
