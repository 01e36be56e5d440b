// @ts-check
// The benchmark's reference: a bare Astro page with an xterm island, the least a page can do to show
// a prompt. `npm run bench:site` builds it and measures Kube101's lesson page against it.
import { defineConfig } from 'astro/config';

export default defineConfig({ output: 'static', build: { inlineStylesheets: 'never' } });
