// @ts-check
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { serviceWorker } from './src/service-worker/build-integration.mjs';

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

export default defineConfig({
  output: 'static',
  // The browser tests build into their own folder so that a concurrent `npm run build` cannot swap
  // the files under their server.
  outDir: process.env.KUBE101_OUT_DIR ?? './dist',
  // The API takes JSON of a few KB (comments, transcripts); 1 GB, the adapter's default, invites abuse.
  adapter: node({ mode: 'standalone', bodySizeLimit: 1024 * 1024 }),
  integrations: [mdx(), lazyIslandCss(['monaco-yaml-editor', 'terminal-view']), serviceWorker()],
  security: { checkOrigin: true },
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
    // monaco-yaml's worker is an ES module worker.
    worker: { format: 'es' },
  },
});
