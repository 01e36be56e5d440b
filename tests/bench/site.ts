/**
 * Site budgets, measured in headless Chromium against a reference built in the same run: a bare
 * Astro 7 page with an xterm 6 island (tests/bench/bare-island), the least a page can do to show a
 * prompt. Absolute times vary from run to run on a shared machine; the ratios are what is judged.
 *   - navigation → prompt, at 1× and 4× CPU: ≤ 1.2× the bare island's (median of cold loads);
 *   - total blocking time on the lesson page at 4× CPU: ≤ 100 ms (long tasks after first paint);
 *   - Enter → output of `kubectl get pods`: ≤ 30 ms;
 *   - JavaScript before the terminal is visible ≤ 30 KB gzip, with a working terminal ≤ 150 KB gzip
 *     (the page's own; the simulator's worker is reported beside it);
 *   - Monaco: nothing of it before the editor is in view, then its size and time to a working editor.
 * `npm run bench:site` (`-- --no-build` reuses the last builds, `-- --runs N` sets the loads per
 * figure, `-- --lighthouse` adds Lighthouse 12.2.3 on the home page and a lesson). Chromium as the
 * browser tests find it (tests/e2e/chromium.ts). Exits non-zero when a budget is broken.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../e2e/chromium.ts';
import { freePort } from '../helpers/free-port.ts';

const budgets = {
  promptRatio: 1.2,
  totalBlockingMs: 100,
  enterToOutputMs: 30,
  initialJsGzip: 30 * 1024,
  workingJsGzip: 150 * 1024,
};
const lesson = '/lessons/nodeport/';
const chromiumLaunch = await findChromium();
if ('missing' in chromiumLaunch) {
  console.error(chromiumLaunch.missing);
  process.exit(1);
}
const chromiumEnv = { ...process.env, ...chromiumLaunch.env };
const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 5;

// Their own build folders (inside node_modules, so the server finds the packages): a concurrent
// `npm run build` cannot change the files being measured.
const outDir = 'node_modules/.cache/kube101-bench';
const bareOutDir = 'node_modules/.cache/kube101-bench-bare';
if (!process.argv.includes('--no-build')) {
  for (const args of [
    ['astro', 'build'],
    ['astro', 'build', '--root', 'tests/bench/bare-island', '--outDir', join(process.cwd(), bareOutDir)],
  ]) {
    const build = spawnSync('npx', args, {
      stdio: 'inherit',
      env: { ...process.env, KUBE101_OUT_DIR: outDir },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** The bare island's files, served as plainly as Kube101's static files are. */
function serveStatic(root: string, port: number): Promise<Server> {
  const server = createHttpServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'kube101-bench-'));
const server = spawn(process.execPath, [`${outDir}/server/entry.mjs`], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
await waitFor(base);
const barePort = await freePort();
const bareServer = await serveStatic(join(process.cwd(), bareOutDir), barePort);
const bare = `http://127.0.0.1:${barePort}/`;

const browser = await chromium.launch({
  executablePath: chromiumLaunch.executablePath,
  args: chromiumLaunch.args,
  env: chromiumEnv,
});

const monacoPattern = /monaco|yaml\.worker|editor\.worker|codicon/;

const gzipCache = new Map<string, number>();
/** A script's size as served, read from the build it came from (no request to a busy server). */
async function gzipBytes(url: string): Promise<number> {
  if (!gzipCache.has(url)) {
    const { origin, pathname } = new URL(url);
    const root = origin === base ? `${outDir}/client` : bareOutDir;
    gzipCache.set(url, gzipSync(readFileSync(join(root, pathname)), { level: 9 }).length);
  }
  return gzipCache.get(url)!;
}

async function mark(page: Page, name: string): Promise<number | undefined> {
  return page.evaluate((markName) => performance.getEntriesByName(markName)[0]?.startTime, name);
}

/** A fresh context (cold cache) whose pages run at `cpu`× slowdown and record their long tasks. */
async function coldPage(cpu: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page };
}

interface Load {
  toPrompt: number;
  totalBlocking: number;
  enterToOutput?: number;
  jsBeforeVisible: number;
  jsWorking: number;
  jsWorker: number;
  filesBeforeVisible: string[];
}

/** Time blocked beyond 50 ms per long task, from first paint until the page has settled. */
async function totalBlockingTime(page: Page): Promise<number> {
  await page.waitForTimeout(1500);
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks;
    return tasks
      .filter((task) => task.start >= paint)
      .reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
  });
}

/** Type a command, press Enter, and time from the key to its output on screen. */
async function enterToOutput(page: Page, command: string, output: RegExp): Promise<number> {
  await page.locator('.xterm').first().click();
  await page.keyboard.type(command);
  await page.evaluate((pattern) => {
    const rows = document.querySelector('.xterm-rows')!;
    const state = window as unknown as { enterToOutput: Promise<number> };
    state.enterToOutput = new Promise((resolve) => {
      let pressed: number | undefined;
      document.addEventListener(
        'keydown',
        (event) => event.key === 'Enter' && (pressed ??= performance.now()),
        true,
      );
      new MutationObserver(() => {
        if (pressed !== undefined && new RegExp(pattern).test(rows.textContent ?? ''))
          resolve(performance.now() - pressed);
      }).observe(rows, { childList: true, subtree: true, characterData: true });
    });
  }, output.source);
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { enterToOutput: Promise<number> }).enterToOutput);
}

async function measure(
  url: string,
  cpu: number,
  ready: string,
  typing?: { command: string; output: RegExp },
): Promise<Load> {
  const { context, page } = await coldPage(cpu);
  const workers: import('playwright-core').Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  await page.locator(ready).waitFor({ timeout: 60_000 });
  const visible = (await mark(page, 'kube101:terminal-visible'))!;
  const prompt = (await mark(page, 'kube101:terminal-prompt'))!;
  // Main-thread scripts from resource timing; the lab worker's own imports only show on the network.
  const pageScripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => ({ name: entry.name, start: entry.startTime })),
  );
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '').join('\n'),
  );
  const inlineBytes = gzipSync(Buffer.from(inline), { level: 9 }).length;
  // A worker's script shows in the page's resource timing too: it is counted with the worker.
  const workerScripts = new Set(workers.map((worker) => worker.url()));
  const onPage = pageScripts.filter((entry) => !workerScripts.has(entry.name));
  const before = onPage.filter((entry) => entry.start < visible);
  const working = onPage.filter((entry) => entry.start <= prompt);
  let jsBeforeVisible = inlineBytes;
  for (const entry of before) jsBeforeVisible += await gzipBytes(entry.name);
  let jsWorking = inlineBytes;
  for (const entry of working) jsWorking += await gzipBytes(entry.name);
  const totalBlocking = await totalBlockingTime(page);
  const enter = typing ? await enterToOutput(page, typing.command, typing.output) : undefined;
  // The simulator's worker: its script and the modules it imported (its own resource timing).
  let jsWorker = 0;
  for (const worker of workers.filter((w) => !monacoPattern.test(w.url()))) {
    const imported = await worker
      .evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))
      .catch(() => [] as string[]);
    for (const script of new Set([worker.url(), ...imported.filter((name) => name.endsWith('.js'))])) {
      jsWorker += await gzipBytes(script);
    }
  }
  await context.close();
  return {
    toPrompt: prompt,
    totalBlocking,
    ...(enter === undefined ? {} : { enterToOutput: enter }),
    jsBeforeVisible,
    jsWorking,
    jsWorker,
    filesBeforeVisible: before.map((entry) => new URL(entry.name).pathname),
  };
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

interface Figures {
  toPrompt: number;
  totalBlocking: number;
  enterToOutput: number;
  jsBeforeVisible: number;
  jsWorking: number;
  jsWorker: number;
  files: string[];
  promptRuns: number[];
}

async function figures(
  url: string,
  cpu: number,
  ready: string,
  typing: { command: string; output: RegExp },
): Promise<Figures> {
  // A first load warms the server and the disk cache; it is not counted.
  await measure(url, cpu, ready);
  const loads: Load[] = [];
  for (let run = 0; run < runs; run++) loads.push(await measure(url, cpu, ready, typing));
  return {
    toPrompt: median(loads.map((l) => l.toPrompt)),
    totalBlocking: median(loads.map((l) => l.totalBlocking)),
    enterToOutput: median(loads.map((l) => l.enterToOutput ?? 0)),
    jsBeforeVisible: median(loads.map((l) => l.jsBeforeVisible)),
    jsWorking: median(loads.map((l) => l.jsWorking)),
    jsWorker: median(loads.map((l) => l.jsWorker)),
    files: loads[0]!.filesBeforeVisible,
    promptRuns: loads.map((l) => l.toPrompt),
  };
}

const kubectl = { command: 'kubectl get pods', output: /No resources found|NAME\s*READY/ };
const echo = { command: 'x', output: /bare-island-output/ };
const lessonReady = 'kube-terminal[data-ready]';
const results: Record<'1x' | '4x', { kube: Figures; bare: Figures }> = {
  '1x': {
    kube: await figures(base + lesson, 1, lessonReady, kubectl),
    bare: await figures(bare, 1, 'body[data-ready]', echo),
  },
  '4x': {
    kube: await figures(base + lesson, 4, lessonReady, kubectl),
    bare: await figures(bare, 4, 'body[data-ready]', echo),
  },
};

// Monaco: nothing before the editor is in view; then its bytes and its time to a working editor.
const { context, page } = await coldPage(1);
await page.goto(base + lesson);
await page.locator(lessonReady).waitFor({ timeout: 30_000 });
await page.waitForTimeout(500);
const resources = () =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
const monacoBeforeScroll = (await resources()).filter((name) => monacoPattern.test(name));
const scrolledAt = await page.evaluate(() => {
  document.querySelector('yaml-editor')!.scrollIntoView();
  return performance.now();
});
await page.locator('yaml-editor[data-ready]').waitFor({ timeout: 30_000 });
const monacoReady = (await mark(page, 'kube101:monaco-ready'))!;
await page.waitForTimeout(1500); // the workers start once the model exists
const monacoFiles = (await resources()).filter((name) => monacoPattern.test(name));
let monacoBytes = 0;
for (const name of monacoFiles) monacoBytes += await gzipBytes(name);
await context.close();
await browser.close();

// Lighthouse (mobile), with --lighthouse: pinned to 12.2.3 and fetched by npx, not a dependency.
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
bareServer.close();
rmSync(dataDir, { recursive: true, force: true });

const ratio = (kube: number, reference: number) => kube / reference;
const line = (label: string, kube: string, reference: string, verdict: string) =>
  console.log(`${label.padEnd(44)}${kube.padStart(10)}${reference.padStart(12)}   ${verdict}`);
console.log(
  `\nSite budgets: ${lesson} against a bare Astro + xterm island, same run (median of ${runs} cold loads each)\n`,
);
line('', 'Kube101', 'bare island', 'ratio / budget');
const broken: string[] = [];
for (const cpu of ['1x', '4x'] as const) {
  const { kube, bare: reference } = results[cpu];
  const promptRatio = ratio(kube.toPrompt, reference.toPrompt);
  line(
    `navigation → prompt, ${cpu} CPU`,
    ms(kube.toPrompt),
    ms(reference.toPrompt),
    `×${promptRatio.toFixed(2)} (budget ×${budgets.promptRatio}; runs ${kube.promptRuns.map((t) => t.toFixed(0)).join(', ')} / ${reference.promptRuns.map((t) => t.toFixed(0)).join(', ')})`,
  );
  if (promptRatio > budgets.promptRatio) broken.push(`navigation → prompt at ${cpu} CPU`);
}
const slow = results['4x'];
line(
  'total blocking time, 4x CPU',
  ms(slow.kube.totalBlocking),
  ms(slow.bare.totalBlocking),
  `budget ${budgets.totalBlockingMs} ms`,
);
if (slow.kube.totalBlocking > budgets.totalBlockingMs) broken.push('total blocking time');
const quick = results['1x'];
line(
  'Enter → output (kubectl get pods), 1x CPU',
  ms(quick.kube.enterToOutput),
  ms(quick.bare.enterToOutput),
  `×${ratio(quick.kube.enterToOutput, quick.bare.enterToOutput).toFixed(2)} (budget ${budgets.enterToOutputMs} ms)`,
);
if (quick.kube.enterToOutput > budgets.enterToOutputMs) broken.push('Enter → output');
line(
  'JS before the terminal is visible (gzip)',
  kb(quick.kube.jsBeforeVisible),
  kb(quick.bare.jsBeforeVisible),
  `budget ${kb(budgets.initialJsGzip)}`,
);
if (quick.kube.jsBeforeVisible > budgets.initialJsGzip) broken.push('JS before the terminal is visible');
line(
  'JS with a working terminal (gzip, page)',
  kb(quick.kube.jsWorking),
  kb(quick.bare.jsWorking),
  `×${ratio(quick.kube.jsWorking, quick.bare.jsWorking).toFixed(2)} (budget ${kb(budgets.workingJsGzip)})`,
);
if (quick.kube.jsWorking > budgets.workingJsGzip) broken.push('JS with a working terminal');
line(
  '  + the simulator in its worker (gzip)',
  kb(quick.kube.jsWorker),
  '',
  'off the main thread, loaded beside the prompt',
);
console.log(`  files before the terminal is visible: ${quick.kube.files.join(', ')}`);
console.log(`Monaco requests before scrolling   ${monacoBeforeScroll.length} (budget 0)`);
console.log(
  `Monaco + workers + CSS             ${kb(monacoBytes)} gzip, ${monacoFiles.length} files, loaded on scroll`,
);
console.log(`editor in view → Monaco ready      ${ms(monacoReady - scrolledAt)}`);
for (const text of lighthouse) console.log(`Lighthouse (mobile) ${text}`);
if (monacoBeforeScroll.length > 0) broken.push('Monaco loaded before the editor was in view');
if (broken.length > 0) {
  console.error(`\nOVER BUDGET: ${broken.join('; ')}`);
  process.exit(1);
}
