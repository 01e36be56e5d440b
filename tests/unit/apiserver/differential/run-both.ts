/**
 * One command line, two kubectls: the page's (`cluster.exec`) and the real kubectl 1.35 against
 * `kubesim serve` on a second cluster built from the same seed by the same setup. The served
 * clock is stepped (it moves only while the real kubectl waits on a watch), as the page's headless
 * clock moves only when a command waits, so both sides see the same instants.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCluster, type Cluster } from '../../../../src/sim/index.ts';
import { startApiServer, type RunningApiServer } from '../../../../src/apiserver/server.ts';
import { runtimeOf } from '../../../../src/sim/cluster-runtime.ts';
import { stringify } from 'yaml';
import { runRealKubectl, type KubectlRun } from '../../helpers/real-kubectl.ts';

export interface DifferentialCase {
  /** Where the line comes from: `generated`, `lesson three-ports`, `exercise creating-expose`... */
  source: string;
  seed: number;
  /**
   * Run on both clusters first, through the simulator's shell (not compared): lines, file writes
   * (the real kubectl finds the files in its working directory) and waits for the cluster to settle.
   */
  setup: readonly SetupStep[];
  /** The kubectl line compared. */
  command: string;
}

export type SetupStep = { run: string } | { write: string; content: string } | { settle: true };

/**
 * The page's kubeconfig (its names, contexts and namespaces, as the setup's `kubectl config` lines
 * left them), pointing at the served cluster.
 */
function sameKubeconfig(cluster: Cluster, url: string): string {
  const config = runtimeOf(cluster).kubeconfig;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: config.clusterName, cluster: { server: url } }],
    users: [{ name: config.userName, user: {} }],
    contexts: config.contexts.map((c) => ({
      name: c.name,
      context: { cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}) },
    })),
    'current-context': config.currentContext,
  });
}

/** Split a simple command line (quotes, no pipes or expansions) into words, as a shell would. */
export function words(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  let escaped = false;
  for (const char of line) {
    if (escaped) {
      current += char;
      escaped = false;
    } else if (char === '\\' && quote !== "'") {
      escaped = true;
      started = true;
    } else if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (char === ' ' || char === '\t' || char === '\n') {
      if (started || current) out.push(current);
      current = '';
      started = false;
    } else current += char;
  }
  if (started || current) out.push(current);
  return out;
}

/** Lines a plain process can run: no pipes, redirects, expansions or shell operators. */
export function isPlainKubectlLine(line: string): boolean {
  return /^kubectl\s/.test(line) && !/[|<>;&$`\\\n*?]/.test(line);
}

async function prepare(testCase: DifferentialCase): Promise<Cluster> {
  const cluster = createCluster({ seed: testCase.seed });
  for (const step of testCase.setup) {
    if ('run' in step) await cluster.exec(step.run);
    else if ('write' in step) cluster.fs.write(step.write, step.content);
    else cluster.settle();
  }
  return cluster;
}

export class DifferentialRunner {
  #server: RunningApiServer | undefined;
  readonly #home = mkdtempSync(path.join(tmpdir(), 'kube101-differential-'));

  async runPage(testCase: DifferentialCase): Promise<KubectlRun> {
    const cluster = await prepare(testCase);
    return cluster.exec(testCase.command);
  }

  async runReal(testCase: DifferentialCase): Promise<KubectlRun> {
    const cluster = await prepare(testCase);
    if (!this.#server) this.#server = await startApiServer({ cluster, clock: 'stepped' });
    else this.#server.replaceCluster(cluster);
    writeFileSync(path.join(this.#home, 'kubeconfig'), sameKubeconfig(cluster, this.#server.url));
    const cwd = path.join(this.#home, 'work');
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd, { recursive: true });
    for (const file of cluster.fs.list()) {
      const content = cluster.fs.read(file);
      const relative = path.basename(file);
      if (content !== undefined) writeFileSync(path.join(cwd, relative), content);
    }
    const [, ...args] = words(testCase.command);
    return runRealKubectl(args, { home: this.#home, kubeconfig: path.join(this.#home, 'kubeconfig'), cwd });
  }

  async close(): Promise<void> {
    await this.#server?.close();
    rmSync(this.#home, { recursive: true, force: true });
  }
}

const AGE = /\b(?=\d)(\d+y)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?\b(?<=\d[ydhms])|<invalid>/g;

/**
 * Ages and durations differ where kubectl computes them from the local clock (describe, events):
 * `5m`, `10m30s`, `2d3h`, `<invalid>` all read as `<age>`, and on such lines runs of spaces as
 * one (the columns were aligned to the original widths).
 */
export function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const replaced = line.replace(AGE, '<age>');
      // An events table's header is aligned to ages that differ.
      const eventsHeader = /^\s*(Type\s+Reason\s+Age|----\s+------\s+----)\s/.test(line);
      return replaced === line && !eventsHeader ? line.trimEnd() : replaced.replace(/ {2,}/g, '  ').trimEnd();
    })
    .join('\n');
}
