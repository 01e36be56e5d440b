/**
 * `kubesim serve` budgets (docs/ARCHITECTURE.md), measured on loopback in this process:
 *   - a get and a list round trip (Table, as kubectl asks), median ≤ 5 ms;
 *   - a watch event reaches the client ≤ 20 ms after the change (median; the change is a POST);
 *   - the real kubectl 1.35's `get pods -A` over 10,000 pods through HTTP, ≤ 1 s, beside
 *     `kubectl version --client` (the binary's own start) measured in the same run.
 * `npm run bench:serve`. Prints a table; exits non-zero when a budget is broken.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCluster } from '../../src/sim/index.ts';
import { startApiServer } from '../../src/apiserver/server.ts';
import { kubeconfigFor } from '../../src/apiserver/kubeconfig.ts';
import { runRealKubectl } from '../unit/helpers/real-kubectl.ts';
import { addPods } from './many-pods.ts';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const agent = new http.Agent({ keepAlive: true });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function request(url: string, options: { method?: string; body?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: options.method ?? 'GET',
        headers: { Accept: TABLE, 'Content-Type': 'application/json' },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function roundTrip(url: string, runs: number): Promise<number> {
  for (let i = 0; i < 50; i++) await request(url);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const code = await request(url);
    times.push(performance.now() - start);
    if (code !== 200) throw new Error(`${url} answered ${code}`);
  }
  return median(times);
}

/** Open a watch on ConfigMaps, then create them one at a time: POST sent → event line read. */
async function watchLatency(base: string, runs: number): Promise<number> {
  const times: number[] = [];
  let waiting: ((at: number) => void) | undefined;
  const watch = http.get(`${base}/api/v1/namespaces/default/configmaps?watch=true`, {
    headers: { Accept: 'application/json' },
  });
  await new Promise<void>((resolve) =>
    watch.on('response', (response) => {
      response.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n'))
          if (line.includes('"ADDED"')) waiting?.(performance.now());
      });
      resolve();
    }),
  );
  for (let i = 0; i < runs; i++) {
    const arrived = new Promise<number>((resolve, reject) => {
      waiting = resolve;
      setTimeout(() => reject(new Error('no watch event within 5 s')), 5000).unref();
    });
    const start = performance.now();
    await request(`${base}/api/v1/namespaces/default/configmaps`, {
      method: 'POST',
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `bench-${i}` } }),
    });
    times.push((await arrived) - start);
  }
  watch.destroy();
  return median(times);
}

async function kubectlRows(): Promise<{ getPods: number; start: number; rows: number }> {
  const cluster = createCluster({ seed: 1 });
  addPods(cluster, 10_000);
  const server = await startApiServer({ cluster, clock: 'stepped' });
  const home = mkdtempSync(path.join(tmpdir(), 'kube101-bench-'));
  const kubeconfig = path.join(home, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigFor(server.url));
  try {
    const first = await runRealKubectl(['get', 'pods', '-A'], { home, kubeconfig, timeoutMs: 60_000 });
    if (first.exitCode !== 0) throw new Error(first.stderr);
    const getPods: number[] = [];
    const start: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      await runRealKubectl(['get', 'pods', '-A'], { home, kubeconfig, timeoutMs: 60_000 });
      getPods.push(performance.now() - t);
      t = performance.now();
      await runRealKubectl(['version', '--client'], { home, kubeconfig });
      start.push(performance.now() - t);
    }
    return {
      getPods: median(getPods),
      start: median(start),
      rows: first.stdout.split('\n').filter(Boolean).length - 1,
    };
  } finally {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
}

const cluster = createCluster({ seed: 1 });
await cluster.exec('kubectl create deployment web --image=kube101/hello --replicas=3 --port=300');
cluster.settle();
const server = await startApiServer({ cluster, clock: 'wall' });
const pod = cluster.api.list('pods', 'default')[0]?.metadata.name as string;
const getMs = await roundTrip(`${server.url}/api/v1/namespaces/default/pods/${pod}`, 500);
const listMs = await roundTrip(`${server.url}/api/v1/namespaces/default/pods?limit=500`, 500);
const watchMs = await watchLatency(server.url, 100);
await server.close();
agent.destroy();
const kubectl = await kubectlRows();

const rows: [string, number, number, string][] = [
  ['GET one pod as a Table (median of 500)', 5, getMs, ''],
  ['LIST pods as a Table (median of 500)', 5, listMs, ''],
  ['watch event after a POST (median of 100)', 20, watchMs, ''],
  [
    'real kubectl `get pods -A`, 10,000 pods (median of 5)',
    1000,
    kubectl.getPods,
    `${kubectl.rows} rows; \`kubectl version --client\` alone: ${kubectl.start.toFixed(0)} ms`,
  ],
];
let failed = false;
console.log('| what | budget | measured | result | note |\n|---|---|---|---|---|');
for (const [what, budget, measured, note] of rows) {
  const pass = measured <= budget;
  failed ||= !pass;
  console.log(
    `| ${what} | ≤ ${budget} ms | ${measured.toFixed(2)} ms | ${pass ? 'PASS' : 'FAIL'} | ${note} |`,
  );
}
process.exitCode = failed ? 1 : 0;
