/**
 * Defence in depth for a site that shows what learners write: the security headers are on pages and
 * API responses, a comment's hostile Markdown stays inert, and should markup ever slip past the
 * sanitizer, the Content-Security-Policy still keeps it from running; /admin cannot be framed.
 */
import { describe, expect, it } from 'vitest';
import { baseURL, haveChromium, useBrowserPage } from './browser.ts';

const hostileMarkdown = [
  'Try these:',
  '<img src="x" onerror="window.pwned = 1">',
  '<script>window.pwned = 2</script>',
  '[a link](javascript:window.pwned=3)',
  '![an image](javascript:window.pwned=4)',
  '<iframe src="/admin"></iframe>',
].join('\n\n');

describe.skipIf(!haveChromium)('security headers', () => {
  const { page, errors } = useBrowserPage();

  it('are on pages and API responses', async () => {
    for (const path of [
      '/',
      '/lessons/nodeport/',
      '/lessons/nodeport/comments/',
      '/admin',
      '/api/exercises',
    ]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      if (!path.startsWith('/api/')) {
        expect(headers['content-security-policy'], path).toMatch(/script-src 'self' [^;]*'sha256-/);
        expect(headers['content-security-policy'], path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      }
    }
  });

  it("keeps a comment's hostile Markdown inert, and blocks markup that would slip past the sanitizer", async () => {
    const posted = await page.request.post('/api/lessons/nodeport/comments', {
      headers: { Origin: new URL(baseURL).origin },
      data: { body: hostileMarkdown, displayName: 'Mallory' },
    });
    expect(posted.status()).toBe(201);
    const { comment } = (await posted.json()) as { comment: { id: string } };

    await page.goto('/lessons/nodeport/comments/', { timeout: 90_000 });
    const body = page.locator(`[id="comment-${comment.id}"] .kc-body, [id="${comment.id}"] .kc-body`).first();
    await body.waitFor();
    expect(await body.textContent()).toContain('<script>window.pwned = 2</script>');
    expect(await body.locator('script, iframe, img, [onerror]').count()).toBe(0);
    for (const href of await body
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      expect(href ?? '').not.toMatch(/^javascript:/i);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);

    // As if the sanitizer had let an inline handler through: the policy refuses to run it.
    const violation = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
            once: true,
          });
          const slipped = document.createElement('div');
          slipped.innerHTML = '<img src="/no-such-image.png" onerror="window.pwned = 5">';
          document.querySelector('.kc-body')?.append(slipped);
        }),
    );
    expect(violation).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('keeps /admin out of frames on other sites', async () => {
    await page.goto('about:blank');
    await page.setContent(`<iframe src="${baseURL}/admin" title="framed"></iframe>`);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
  });
});
