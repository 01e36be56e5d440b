/**
 * Simulator budgets (docs/ARCHITECTURE.md), measured in this process on the wall clock:
 *   - a kubectl command on the default cluster, median ≤ 1 ms;
 *   - `kubectl get pods -A` with 10,000 pods, ≤ 50 ms (median of several runs);
 *   - how long the controllers take to bring a Service's endpoints up after scaling its
 *     Deployment from 1 to 500 replicas (no budget in docs/ARCHITECTURE.md: reported).
 * `npm run bench`. Prints a table; exits non-zero when a budget is broken.
 */
import { createCluster, type Cluster } from '../../src/sim/index.ts';
import type { KubeObject } from '../../src/sim/api/types.ts';
import { addPods } from './many-pods.ts';

interface Row {
  what: string;
  budgetMs: number | undefined;
  measuredMs: number;
  note?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median wall time of `line`, after warming up; fails loudly if the command itself fails. */
async function timeCommand(
  cluster: Cluster,
  line: string,
  runs: number,
  warmup = Math.min(runs, 20),
): Promise<number> {
  const first = await cluster.exec(line);
  if (first.exitCode !== 0) throw new Error(`${line} failed: ${first.stderr}`);
  for (let i = 0; i < warmup; i++) await cluster.exec(line);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await cluster.exec(line);
    times.push(performance.now() - start);
  }
  return median(times);
}

async function defaultClusterRows(): Promise<Row[]> {
  const cluster = createCluster({ seed: 1 });
  const rows: Row[] = [];
  for (const line of [
    'kubectl get pods -A',
    'kubectl get svc',
    'kubectl describe svc kubernetes',
    'kubectl get nodes -o wide',
  ]) {
    try {
      rows.push({
        what: `\`${line}\` (default cluster, median)`,
        budgetMs: 1,
        measuredMs: await timeCommand(cluster, line, 300),
      });
    } catch (error) {
      rows.push({
        what: `\`${line}\``,
        budgetMs: 1,
        measuredMs: NaN,
        note: (error as Error).message.split('\n')[0],
      });
    }
  }
  return rows;
}

async function manyPodsRow(): Promise<Row> {
  const cluster = createCluster({ seed: 1 });
  addPods(cluster, 10_000);
  const line = 'kubectl get pods -A';
  const result = await cluster.exec(line);
  const listed = result.stdout.split('\n').filter(Boolean).length - 1;
  const measured = await timeCommand(cluster, line, 15, 3);
  return {
    what: `\`${line}\` with 10,000 pods (median of 15)`,
    budgetMs: 50,
    measuredMs: measured,
    note: `${listed} rows`,
  };
}

async function scaleRow(): Promise<Row> {
  const cluster = createCluster({ seed: 1 });
  for (const line of [
    'kubectl create deployment web --image=kube101/hello --replicas=1 --port=300',
    'kubectl create service nodeport web --tcp=82:300',
  ]) {
    const result = await cluster.exec(line);
    if (result.exitCode !== 0) throw new Error(`${line}: ${result.stderr}`);
  }
  cluster.settle();
  const start = performance.now();
  const scaled = await cluster.exec('kubectl scale deployment web --replicas=500');
  if (scaled.exitCode !== 0) {
    // Before `kubectl scale` exists, scale through the API as kubectl would.
    const deployment = cluster.api.get('deployments', 'default', 'web');
    cluster.api.update('deployments', {
      ...deployment,
      spec: { ...(deployment['spec'] as object), replicas: 500 },
    });
  }
  cluster.settle();
  const measured = performance.now() - start;
  const slices = cluster.api.list('endpointslices', 'default') as (KubeObject & {
    endpoints?: { conditions?: { ready?: boolean } }[];
  })[];
  const ready = slices
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
    .reduce((sum, s) => sum + (s.endpoints ?? []).filter((e) => e.conditions?.ready).length, 0);
  const pods = cluster.api.list('pods', 'default').length;
  return {
    what: 'scale a Deployment 1 → 500, controllers settle its endpoints',
    budgetMs: undefined,
    measuredMs: measured,
    note: `${pods} pods, ${ready} ready endpoints (2 workers × 110 pods)`,
  };
}

async function curlRow(): Promise<Row> {
  const cluster = createCluster({ seed: 1 });
  for (const line of [
    'kubectl create deployment web --image=kube101/hello --replicas=3 --port=300',
    'kubectl create service nodeport web --tcp=82:300 --node-port=30033',
  ]) {
    await cluster.exec(line);
  }
  cluster.settle();
  return {
    what: '`curl -s 192.168.49.3:30033` through kube-proxy (median)',
    budgetMs: 1,
    measuredMs: await timeCommand(cluster, 'curl -s 192.168.49.3:30033', 300),
  };
}

const rows = [...(await defaultClusterRows()), await curlRow(), await manyPodsRow(), await scaleRow()];
const format = (ms: number): string =>
  Number.isNaN(ms) ? 'n/a' : ms < 10 ? `${ms.toFixed(3)} ms` : `${ms.toFixed(1)} ms`;
const table = rows.map((row) => {
  const verdict =
    row.budgetMs === undefined || Number.isNaN(row.measuredMs)
      ? Number.isNaN(row.measuredMs)
        ? 'SKIP'
        : '—'
      : row.measuredMs <= row.budgetMs
        ? 'PASS'
        : 'FAIL';
  return [
    row.what,
    row.budgetMs === undefined ? 'none' : `≤ ${row.budgetMs} ms`,
    format(row.measuredMs),
    verdict,
    row.note ?? '',
  ];
});
const header = ['what', 'budget', 'measured', 'result', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] as string).length)));
const line = (cells: string[]): string =>
  `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
if (table.some((row) => row[3] === 'FAIL')) process.exitCode = 1;
