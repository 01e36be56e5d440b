// `npm start`: build the site when the build is missing or older than the sources, then serve it
// with the standalone Node server of @astrojs/node on HOST/PORT (default localhost:4321).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const entry = 'dist/server/entry.mjs';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

const sources = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];
const stale = !existsSync(entry) || sources.some((p) => newestMtime(p) > statSync(entry).mtimeMs);
if (stale) {
  console.log('Building the site (first start, or sources changed)...');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
console.log(`Kube101 on http://${process.env.HOST}:${process.env.PORT}/`);
const server = spawn(process.execPath, [entry], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
