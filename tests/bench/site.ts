/**
 * Site budgets (docs/ARCHITECTURE.md): builds the site, serves it, and measures in Chromium (tests/e2e/chromium.ts)
 *   - JavaScript a lesson page loads before its terminal is visible (gzip), budget 30 KB;
 *   - the terminal's time from visible to prompt, budget 300 ms;
 *   - Monaco: that nothing of it loads until the editor is scrolled into view, its size, and how
 *     long it takes from then to a working editor.
 * `npm run bench:site` (add `-- --no-build` to reuse the last build, `-- --lighthouse` for Lighthouse
 * 12.2.3 on the home page and a lesson). Exits non-zero when a budget is broken.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../e2e/chromium.ts';
import { freePort } from '../helpers/free-port.ts';

const budgets = { initialJsGzip: 30 * 1024, terminalToPromptMs: 300 };
const lesson = '/lessons/nodeport/';

const chromiumLaunch = await findChromium();
if ('missing' in chromiumLaunch) {
  console.error(chromiumLaunch.missing);
  process.exit(1);
}
const chromiumEnv = { ...process.env, ...chromiumLaunch.env };

// Its own build folder (inside node_modules, so the server finds the packages): a concurrent
// `npm run build` cannot change the files being measured.
const outDir = 'node_modules/.cache/kube101-bench';
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['astro', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, KUBE101_OUT_DIR: outDir },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'kube101-bench-'));
const server = spawn(process.execPath, [`${outDir}/server/entry.mjs`], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  if (
    await fetch(base)
      .then((r) => r.ok)
      .catch(() => false)
  )
    break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const browser = await chromium.launch({
  executablePath: chromiumLaunch.executablePath,
  args: chromiumLaunch.args,
  env: chromiumEnv,
});

const gzipCache = new Map<string, number>();
async function gzipBytes(url: string): Promise<number> {
  if (!gzipCache.has(url)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    gzipCache.set(url, gzipSync(body, { level: 9 }).length);
  }
  return gzipCache.get(url)!;
}

interface LoadedResource {
  name: string;
  startTime: number;
  responseEnd: number;
}

async function resources(page: Page): Promise<LoadedResource[]> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      startTime: entry.startTime,
      responseEnd: (entry as PerformanceResourceTiming).responseEnd,
    })),
  );
}

async function mark(page: Page, name: string): Promise<number | undefined> {
  return page.evaluate((markName) => performance.getEntriesByName(markName)[0]?.startTime, name);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

// 1. JavaScript before the terminal is visible, and the terminal's time to prompt (cold cache each run).
const initialJs: number[] = [];
const toPrompt: number[] = [];
let initialFiles: string[] = [];
for (let run = 0; run < 5; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + lesson);
  await page.locator('kube-terminal[data-ready]').waitFor({ timeout: 30_000 });
  const visible = (await mark(page, 'kube101:terminal-visible'))!;
  const prompt = (await mark(page, 'kube101:terminal-prompt'))!;
  const before = (await resources(page)).filter((r) => r.name.endsWith('.js') && r.startTime < visible);
  initialFiles = before.map((r) => new URL(r.name).pathname);
  let bytes = 0;
  for (const resource of before) bytes += await gzipBytes(resource.name);
  // Inline module scripts count too: they are part of the HTML but run as page JavaScript.
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '').join('\n'),
  );
  bytes += gzipSync(Buffer.from(inline), { level: 9 }).length;
  initialJs.push(bytes);
  toPrompt.push(prompt - visible);
  await context.close();
}

// 2. Monaco: nothing before the editor is in view; then its bytes and its time to a working editor.
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(base + lesson);
await page.locator('kube-terminal[data-ready]').waitFor({ timeout: 30_000 });
await page.waitForTimeout(500);
const monacoPattern = /monaco|yaml\.worker|editor\.worker|codicon/;
const monacoBeforeScroll = (await resources(page)).filter((r) => monacoPattern.test(r.name));
const scrolledAt = await page.evaluate(() => {
  document.querySelector('yaml-editor')!.scrollIntoView();
  return performance.now();
});
await page.locator('yaml-editor[data-ready]').waitFor({ timeout: 30_000 });
const ready = (await mark(page, 'kube101:monaco-ready'))!;
await page.waitForTimeout(1500); // the workers start once the model exists
const monacoFiles = (await resources(page)).filter((r) => monacoPattern.test(r.name));
let monacoBytes = 0;
for (const resource of monacoFiles) monacoBytes += await gzipBytes(resource.name);
await context.close();

await browser.close();

// 3. Lighthouse (mobile), with --lighthouse: pinned to 12.2.3 and fetched by npx, not a dependency.
const lighthouse: string[] = [];
if (process.argv.includes('--lighthouse')) {
  for (const path of ['/', lesson]) {
    const report = join(dataDir, 'lighthouse.json');
    const run = spawnSync(
      'npx',
      [
        '-y',
        'lighthouse@12.2.3',
        base + path,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--only-categories=performance,accessibility',
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ],
      { stdio: 'inherit', env: { ...chromiumEnv, CHROME_PATH: chromiumLaunch.executablePath } },
    );
    if (run.status !== 0) {
      lighthouse.push(`${path}: Lighthouse did not run (exit ${run.status})`);
      continue;
    }
    const result = JSON.parse(readFileSync(report, 'utf8')) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { displayValue?: string }>;
    };
    const score = (name: string) => Math.round(result.categories[name]!.score * 100);
    lighthouse.push(
      `${path}: performance ${score('performance')}, accessibility ${score('accessibility')} ` +
        `(LCP ${result.audits['largest-contentful-paint']?.displayValue}, TBT ${result.audits['total-blocking-time']?.displayValue})`,
    );
  }
}

server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });

const results = {
  initialJsGzip: median(initialJs),
  terminalToPromptMs: median(toPrompt),
  monacoBeforeScroll: monacoBeforeScroll.length,
  monacoGzip: monacoBytes,
  monacoReadyAfterScrollMs: ready - scrolledAt,
};
console.log(`\nSite budgets on ${lesson} (median of ${initialJs.length} cold loads, Chromium headless)\n`);
console.log(
  `JS before the terminal is visible  ${kb(results.initialJsGzip)} gzip (budget ${kb(budgets.initialJsGzip)})`,
);
console.log(`  files: ${initialFiles.join(', ')}`);
console.log(
  `terminal visible → prompt          ${results.terminalToPromptMs.toFixed(0)} ms (budget ${budgets.terminalToPromptMs} ms; runs: ${toPrompt.map((t) => t.toFixed(0)).join(', ')})`,
);
console.log(`Monaco requests before scrolling   ${results.monacoBeforeScroll} (budget 0)`);
console.log(
  `Monaco + workers + CSS             ${kb(results.monacoGzip)} gzip, ${monacoFiles.length} files, loaded on scroll`,
);
console.log(`editor in view → Monaco ready      ${results.monacoReadyAfterScrollMs.toFixed(0)} ms`);
for (const line of lighthouse) console.log(`Lighthouse (mobile) ${line}`);

const broken = [
  results.initialJsGzip > budgets.initialJsGzip && 'JS before the terminal is visible',
  results.terminalToPromptMs > budgets.terminalToPromptMs && 'terminal time to prompt',
  results.monacoBeforeScroll > 0 && 'Monaco loaded before the editor was in view',
].filter(Boolean);
if (broken.length > 0) {
  console.error(`\nOVER BUDGET: ${broken.join('; ')}`);
  process.exit(1);
}
