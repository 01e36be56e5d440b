/** The YAML editor (Monaco + monaco-yaml + the Kubernetes schema) and the cluster map, on the NodePort lesson. */
import { beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, useBrowserPage } from './browser.ts';
import { focusTerminal, openLesson, run, waitForScreen } from './terminal-driver.ts';

describe.skipIf(!haveChromium)('the editor and the map', () => {
  const { page, errors } = useBrowserPage();
  const monacoRequests: string[] = [];

  beforeAll(async () => {
    page.on('request', (request) => {
      if (/monaco|yaml\.worker|editor\.worker/.test(request.url())) monacoRequests.push(request.url());
    });
  });

  it('loads no Monaco on a lesson whose only editors belong to exercises not started', async () => {
    await openLesson(page, 'clusterip');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    expect(monacoRequests).toEqual([]);
    const heads = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')),
    );
    expect(heads.filter((href) => href?.includes('monaco'))).toEqual([]);
  });

  it('loads Monaco only when the editor comes into view, and then validates against the schema', async () => {
    await openLesson(page, 'nodeport');
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(monacoRequests).toEqual([]);
    // The lesson's own editor; exercises' editors stay hidden until an exercise starts.
    const editor = page.locator('yaml-editor').first();
    await editor.scrollIntoViewIfNeeded();
    await page.locator('yaml-editor[data-ready]').waitFor({ timeout: 20_000 });
    expect(monacoRequests.some((url) => url.includes('monaco-yaml-editor'))).toBe(true);
    const text = await editor
      .locator('.view-lines')
      .evaluate((element) => (element as HTMLElement).innerText.replace(/\u00a0/g, ' '));
    expect(text).toContain('nodePort: 30033');

    // Break the service port: the schema says it is a number.
    await editor.locator('.view-line', { hasText: 'port: 82' }).click();
    await page.keyboard.press('Home'); // to `- port: 82`, after the indentation
    for (let i = 0; i < '- port: '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('eighty');
    const problems = editor.getByRole('status');
    await expect
      .poll(() => problems.textContent(), { timeout: 15_000 })
      .toMatch(/Line 10, column 13: Incorrect type\. Expected "integer"/);
    await expect.poll(() => editor.locator('.squiggly-warning, .squiggly-error').count()).toBeGreaterThan(0);
    for (let i = 0; i < 'eighty'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('82');
    // Monaco redraws the line a frame later, with non-breaking spaces.
    await expect.poll(() => editor.locator('.view-line', { hasText: /port:\s82\s#/ }).count()).toBe(1);
    await expect.poll(() => problems.textContent(), { timeout: 15_000 }).toBe('');
  });

  it('documents a field on hover', async () => {
    const editor = page.locator('yaml-editor').first();
    const token = editor.locator('.view-line span', { hasText: /^nodePort$/ }).first();
    await token.hover();
    const hover = page.locator('.monaco-hover:not(.hidden)');
    await expect
      .poll(() => hover.textContent(), { timeout: 10_000 })
      .toContain('The port on each node on which this service is exposed');
  });

  it('applies the file from the editor in the terminal, and the map shows the new NodePort service', async () => {
    const map = page.locator('cluster-map').last();
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForScreen(page, /service\/web created/);
    await map.scrollIntoViewIfNeeded();
    await map.locator('[data-ready]').or(page.locator('cluster-map[data-ready]').last()).first().waitFor();
    await expect
      .poll(() => map.locator('[data-id="service:default/web"]').textContent())
      .toMatch(/svc\/web.*NodePort/);
    expect(await map.locator('.badge', { hasText: '30033' }).count()).toBe(3);
    expect(await map.locator('.link.endpoint').count()).toBe(2);
    const words = await map.locator('.description li').allTextContents();
    expect(words).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Service web: NodePort, ClusterIP 10\.\d+\.\d+\.\d+, port 82 → target port 300, node port 30033 on every node; forwards to web-/,
        ),
      ]),
    );
  });

  it("lights up a curl's route from a node port to a pod", async () => {
    const map = page.locator('cluster-map').last();
    await focusTerminal(page);
    await run(page, 'curl http://192.168.49.3:30033');
    await expect
      .poll(() => map.getByRole('status').textContent())
      .toMatch(
        /^Last request: .* → node worker-1 192\.168\.49\.3:30033 → service web:82 → pod web-[\w-]+:300\.$/,
      );
    const lit = await map
      .locator('[data-lit]')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-id')));
    expect(lit).toEqual(
      expect.arrayContaining(['badge:worker-1:30033', 'np:worker-1:30033', 'service:default/web']),
    );
    expect(lit.filter((id) => id?.startsWith('pod:'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!haveChromium)('kubectl edit in the editor', () => {
  const { page } = useBrowserPage();

  it("opens the object in the lesson's editor and applies the change when the learner saves", async () => {
    await openLesson(page, 'nodeport');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitForScreen(page, /service\/web created/);
    await focusTerminal(page);
    await page.keyboard.type('kubectl edit service web');
    await page.keyboard.press('Enter');
    const editor = page.locator('yaml-editor').first();
    const save = editor.getByRole('button', { name: 'Save and close' });
    await save.waitFor({ timeout: 20_000 });
    expect(await editor.locator('.file').textContent()).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    // The object's YAML is longer than the editor: find the line with Monaco's own search.
    await page.keyboard.press('Control+F');
    await page.keyboard.type('nodePort: 30033');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('4');
    await save.click();
    await waitForScreen(page, /service\/web edited/);
    expect(await editor.locator('.file').textContent()).toBe('web-service.yaml');
    await focusTerminal(page);
    await run(page, 'kubectl get service web');
    await waitForScreen(page, /82:30034\/TCP/);
  });
});
