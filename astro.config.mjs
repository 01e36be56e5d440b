// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';

export default defineConfig({
  output: 'static',
  // The API takes JSON of a few KB (comments, transcripts); 1 GB, the adapter's default, invites abuse.
  adapter: node({ mode: 'standalone', bodySizeLimit: 1024 * 1024 }),
  integrations: [mdx()],
  security: { checkOrigin: true },
  markdown: {
    // Both themes are emitted as CSS variables; src/styles/code.css picks one per colour scheme.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  vite: {
    // monaco-yaml's worker is an ES module worker.
    worker: { format: 'es' },
  },
});
