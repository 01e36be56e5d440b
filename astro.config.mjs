// @ts-check
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { serviceWorker } from './src/service-worker/build-integration.mjs';
import { themeScript } from './src/components/site/theme-script.ts';

/**
 * Astro links, in each page's head, the CSS of every module the page's scripts may import, dynamic
 * imports included. The terminal's and the editor's CSS (Monaco's is 127 KiB) load with their chunks
 * through Vite's preload instead, so they are taken out of the head of the built pages.
 * @param {string[]} chunkNames
 * @returns {import('astro').AstroIntegration}
 */
function lazyIslandCss(chunkNames) {
  const link = new RegExp(
    `<link rel="stylesheet" href="/_astro/(${chunkNames.join('|')})\\.[\\w-]+\\.css">`,
    'g',
  );
  /** @param {string} dir @returns {Promise<string[]>} */
  const htmlFiles = async (dir) =>
    (await readdir(dir, { recursive: true }))
      .filter((file) => file.endsWith('.html'))
      .map((file) => join(dir, file));
  return {
    name: 'kube101:lazy-island-css',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const stripped = html.replace(link, '');
          if (stripped !== html) await writeFile(file, stripped);
        }
      },
    },
  };
}

/**
 * Node worker threads load their entry from a file at run time, and Vite emits none for server code:
 * `new URL('./name-worker.ts', import.meta.url)` in server code becomes a chunk of its own,
 * `dist/server/name-worker.mjs`, and the URL points at it from the chunk that asks. (Rollup's
 * `import.meta.ROLLUP_FILE_URL_` would make Vite count the file as an asset, which Astro moves into
 * the public client folder.) Run from the sources, the URL stays as written and
 * src/server/grading/replay-pool.ts loads the TypeScript through tsx.
 * @returns {import('vite').Plugin}
 */
function serverWorkerEntries() {
  const workerUrl = /new URL\((['"])(\.{1,2}\/[\w./-]+-worker)\.ts\1,\s*import\.meta\.url\)/g;
  const placeholder = /__KUBE101_SERVER_WORKER_(\w+)__/g;
  return {
    name: 'kube101:server-worker-entries',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    transform: {
      filter: { code: /-worker\.ts['"],\s*import\.meta\.url/ },
      async handler(code, importer) {
        let rewritten = code;
        for (const [whole, , specifier = ''] of code.matchAll(workerUrl)) {
          const resolved = await this.resolve(`${specifier}.ts`, importer);
          if (!resolved) this.error(`${importer}: cannot resolve the worker ${specifier}.ts`);
          const reference = this.emitFile({
            type: 'chunk',
            id: resolved.id,
            fileName: `${specifier.split('/').at(-1)}.mjs`,
          });
          rewritten = rewritten.replace(
            whole,
            `new URL(__KUBE101_SERVER_WORKER_${reference}__, import.meta.url)`,
          );
        }
        return rewritten === code ? undefined : { code: rewritten, map: null };
      },
    },
    renderChunk(code, chunk) {
      if (!placeholder.test(code)) return null;
      const from = dirname(chunk.fileName);
      return code.replace(placeholder, (_, reference) => {
        const path = relative(from, this.getFileName(reference));
        return JSON.stringify(path.startsWith('.') ? path : `./${path}`);
      });
    },
  };
}

/**
 * @astrojs/node with src/server/node/entry.ts as the built server's entry: the adapter's own
 * standalone server, which also sets the security headers on every response (its static files
 * never pass through Astro's middleware, and it has no option for headers of our own).
 * @param {Parameters<typeof node>[0]} options
 * @returns {import('astro').AstroIntegration}
 */
function nodeWithSecurityHeaders(options) {
  const integration = node(options);
  const configDone = integration.hooks['astro:config:done'];
  const serverEntrypoint = fileURLToPath(new URL('./src/server/node/entry.ts', import.meta.url));
  integration.hooks['astro:config:done'] = (params) =>
    configDone?.({
      ...params,
      setAdapter: (adapter) => params.setAdapter({ ...adapter, serverEntrypoint }),
    });
  return integration;
}

export default defineConfig({
  output: 'static',
  // The browser tests build into their own folder so that a concurrent `npm run build` cannot swap
  // the files under their server.
  outDir: process.env.KUBE101_OUT_DIR ?? './dist',
  // The API takes JSON of a few KB (comments, transcripts); 1 GB, the adapter's default, invites abuse.
  // staticHeaders: the prerendered pages' Content-Security-Policy is sent as a header (a <meta> CSP
  // cannot say frame-ancestors).
  adapter: nodeWithSecurityHeaders({ mode: 'standalone', bodySizeLimit: 1024 * 1024, staticHeaders: true }),
  integrations: [mdx(), lazyIslandCss(['monaco-yaml-editor', 'terminal-view']), serviceWorker()],
  security: {
    checkOrigin: true,
    // Astro adds the hashes of its own scripts to script-src. Styles allow inline: xterm and Monaco
    // write <style> elements at run time, which no build-time hash can know.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ],
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
      scriptDirective: {
        // Pagefind's search runs WebAssembly.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // The one inline script Astro does not process.
        hashes: [`sha256-${createHash('sha256').update(themeScript).digest('base64')}`],
      },
    },
  },
  build: {
    // Stylesheets as files: cached across lessons, and the lazy islands' CSS can be told apart.
    inlineStylesheets: 'never',
  },
  markdown: {
    // Both themes are emitted as CSS variables; src/styles/code.css picks one per colour scheme. github-dark's
    // comments (#6A737D) fall under 4.5:1 on the dark code background; github-dark-default's do not.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark-default' }, defaultColor: false },
  },
  vite: {
    plugins: [serverWorkerEntries()],
    // monaco-yaml's worker is an ES module worker.
    worker: { format: 'es' },
  },
});
