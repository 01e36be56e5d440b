/** The Chromium global-setup.ts found, driven by playwright-core, one fresh profile per browser. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const baseURL = inject('baseURL');
const launch = inject('chromium');
export const haveChromium = launch !== null;

function launchOptions() {
  if (!launch) throw new Error('no Chromium: the browser tests should have been skipped');
  return {
    executablePath: launch.executablePath,
    args: launch.args,
    env: { ...process.env, ...launch.env },
    headless: true,
  };
}

export interface Device {
  viewport: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
}

export interface BrowserHandle {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context in a new user-data-dir, so nothing leaks between test files. */
export async function launchBrowser(
  device: Device = { viewport: { width: 1280, height: 900 } },
): Promise<BrowserHandle> {
  const profile = mkdtempSync(join(tmpdir(), 'kube101-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions(), ...device, baseURL });
  return {
    browser: context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchPlainBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** What the page threw or logged as an error since it opened. */
  errors: string[];
}

/**
 * One browser with one page for the enclosing describe block: launched before its tests, closed
 * after them. `context` and `page` stand for the real ones, which exist only once beforeAll ran, so
 * that a test file can name them where it declares its tests.
 */
export function useBrowserPage(device?: Device): BrowserPage {
  let handle: BrowserHandle | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    handle = await launchBrowser(device);
    page = await handle.browser.newPage();
    collectPageErrors(page, errors);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    context: forwardTo(() => handle?.browser),
    page: forwardTo(() => page),
    errors,
  };
}

function forwardTo<T extends object>(current: () => T | undefined): T {
  const target = (): T => {
    const value = current();
    if (!value) throw new Error('useBrowserPage: the browser is not open yet (use it inside a test or hook)');
    return value;
  };
  return new Proxy({} as T, {
    get(_, property) {
      const value: unknown = Reflect.get(target(), property);
      return typeof value === 'function' ? value.bind(target()) : value;
    },
  });
}

/** Errors the page threw or logged: a test fails on them. */
export function collectPageErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2.x A/AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
}
