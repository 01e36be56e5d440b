/**
 * Captures how the real kubectl 1.35 reads each manifest of fixtures/manifest-cases.json (YAML 1.1
 * scalars, multi-document streams, JSON streams, syntax errors with their line numbers) into
 * fixtures/manifest-kubectl.json. Needs the binary; tests only read the captured file.
 *
 *   npx tsx tests/unit/sim/kubectl-write/capture/capture-manifests.ts
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCannedApiServer } from '../../../../fixtures/capture/api-server.ts';
import { seedCluster } from '../../../../fixtures/capture/seed-cluster.ts';
import { runKubectl } from '../../../../fixtures/capture/kubectl-binary.ts';

const here = new URL('../fixtures/', import.meta.url).pathname;
const cases = JSON.parse(readFileSync(join(here, 'manifest-cases.json'), 'utf8')) as Record<string, string>;
const now = new Date();
const server = await startCannedApiServer(() => now);
const home = mkdtempSync(join(tmpdir(), 'kubectl-home-'));
const cwd = join(home, 'work');
mkdirSync(cwd);
const kubeconfig = join(home, 'config');
writeFileSync(
  kubeconfig,
  `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${server.url}\n  name: c\ncontexts:\n- context:\n    cluster: c\n    user: u\n  name: c\ncurrent-context: c\nusers:\n- name: u\n  user: {}\n`,
);
const results: Record<string, { stdout: string; stderr: string; exitCode: number }> = {};
for (const [name, text] of Object.entries(cases)) {
  server.reset(seedCluster(now));
  const file = `${name}.yaml`;
  writeFileSync(join(cwd, file), text);
  const run = await runKubectl(['create', '-f', file, '--dry-run=client', '-o', 'json', '--validate=false'], {
    home,
    kubeconfig,
    cwd,
  });
  results[name] = run;
}
await server.close();
writeFileSync(join(here, 'manifest-kubectl.json'), `${JSON.stringify(results, null, 1)}\n`);
console.log(`captured ${Object.keys(results).length} cases`);
