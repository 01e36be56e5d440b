// @ts-check
/**
 * Writes the service worker (/sw.js) after the build: service-worker.js with the build's version (a
 * hash of every file it caches) and the list of URLs to cache — the prerendered pages by their
 * address and every file of the client build. A small worker of our own rather than
 * @vite-pwa/astro (whose peer range stops at Astro 5) or workbox-build (a bundler toolchain to
 * produce what these seventy lines do).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = new URL('./service-worker.js', import.meta.url);
const workerFile = 'sw.js';

/**
 * The URL a file of the client build is served at: `lessons/x/index.html` is `/lessons/x/`.
 * @param {string} file
 */
export function urlOf(file) {
  const path = '/' + file.split(sep).join('/');
  if (path === '/index.html') return '/';
  if (path.endsWith('/index.html')) return path.slice(0, -'index.html'.length);
  return path;
}

/**
 * Source maps and the 404 page are not part of the offline course.
 * @param {string} file
 */
function cached(file) {
  return !file.endsWith('.map') && file !== '404.html' && file !== workerFile;
}

/** @returns {import('astro').AstroIntegration} */
export function serviceWorker() {
  return {
    name: 'kube101:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => relative(root, join(entry.parentPath, entry.name)))
          .filter(cached)
          .sort();
        const hash = createHash('sha256');
        for (const file of files) hash.update(file).update(await readFile(join(root, file)));
        const version = hash.digest('hex').slice(0, 16);
        const urls = files.map(urlOf);
        const worker = (await readFile(source, 'utf8'))
          .replace("'__KUBE101_VERSION__'", JSON.stringify(version))
          .replace('__KUBE101_PRECACHE__', JSON.stringify(urls));
        await writeFile(join(root, workerFile), worker);
        logger.info(`/${workerFile}: version ${version}, ${urls.length} files cached for offline use`);
      },
    },
  };
}
