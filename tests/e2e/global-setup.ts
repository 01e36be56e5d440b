/**
 * Finds Chromium (chromium.ts), builds the site once and serves the production build
 * (`node dist/server/entry.mjs`, as `npm start` does) on a free port for the browser tests. Without
 * a Chromium the tests are skipped with a loud line, except under CI=true where that is a failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../helpers/free-port.ts';
import { findChromium, type ChromiumLaunch } from './chromium.ts';

/** Inside node_modules so that the built server still finds the project's packages. */
const outDir = 'node_modules/.cache/kube101-e2e';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromium: ChromiumLaunch | null;
  }
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the site's server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the site's server did not answer on ${url} within 30 s`);
}

export default async function setup(project: TestProject) {
  const chromium = await findChromium();
  if ('missing' in chromium) {
    project.provide('chromium', null);
    if (process.env.CI === 'true') throw new Error(chromium.missing);
    console.warn(
      `\n${'!'.repeat(100)}\n!!! SKIPPING END-TO-END TESTS: ${chromium.missing}\n${'!'.repeat(100)}\n`,
    );
    project.provide('baseURL', '');
    return;
  }
  console.log(`browser tests drive ${chromium.executablePath} (${chromium.source})`);
  project.provide('chromium', chromium);

  if (process.env.E2E_SKIP_BUILD !== '1') {
    const env = { ...process.env, KUBE101_OUT_DIR: outDir };
    for (const [command, args] of [
      ['npx', ['astro', 'build']],
      ['npx', ['pagefind', '--site', `${outDir}/client`, '--output-subdir', 'pagefind']],
    ] as const) {
      const step = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env });
      if (step.status !== 0)
        throw new Error(`${command} ${args.join(' ')} failed:\n${step.stdout}\n${step.stderr}`);
    }
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kube101-e2e-data-'));
  const server = spawn(process.execPath, [`${outDir}/server/entry.mjs`], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseURL}/`, server);
  // The first API request opens the database (PGlite compiles its WASM and migrates): do it now, so
  // that no test's page load waits behind it.
  await fetch(`${baseURL}/api/lessons/why-services/comments`).catch(() => undefined);
  project.provide('baseURL', baseURL);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
}
