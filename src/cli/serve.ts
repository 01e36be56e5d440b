/**
 * `npm run kubesim -- serve [--port N] [--seed N] [--lesson SLUG] [--kubeconfig FILE] [--host H]`:
 * the simulated cluster behind a Kubernetes API, on the wall clock, until stopped, so that a real
 * kubectl (or any Kubernetes client) can practise against it.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCluster, type Cluster } from '../sim/index.ts';
import { startApiServer } from '../apiserver/server.ts';
import { kubeconfigFor } from '../apiserver/kubeconfig.ts';
import { loadLessonsFromDisk } from './lesson-files.ts';
import { startLesson } from './lesson-cluster.ts';

const USAGE = `usage: kubesim serve [--port N] [--seed N] [--lesson SLUG] [--kubeconfig FILE] [--host H]
  --port N           listen on port N (default 0: any free port)
  --seed N           the cluster's seed (names, IPs, node ports)
  --lesson SLUG      start on that lesson's cluster (its seed unless --seed is given, its setup)
                     (its editor files stay in the simulator: write your own beside kubectl)
  --kubeconfig FILE  write the kubeconfig there (default: a file in the temporary directory)
  --host H           listen on another address than 127.0.0.1 (anyone who reaches it can change the cluster)`;

interface ServeOptions {
  port: number;
  seed: number | undefined;
  lesson: string | undefined;
  kubeconfig: string | undefined;
  host: string;
}

export function parseServeOptions(argv: readonly string[]): ServeOptions | string {
  const options: ServeOptions = {
    port: 0,
    seed: undefined,
    lesson: undefined,
    kubeconfig: undefined,
    host: '127.0.0.1',
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--help' || arg === '-h') return USAGE;
    const match = /^--(port|seed|lesson|kubeconfig|host)(?:=(.*))?$/.exec(arg);
    if (!match) return `kubesim serve: unknown option ${arg}\n${USAGE}`;
    const name = match[1] as 'port' | 'seed' | 'lesson' | 'kubeconfig' | 'host';
    const value = match[2] ?? argv[++index];
    if (value === undefined || value === '') return `kubesim serve: --${name} needs a value`;
    if (name === 'port' || name === 'seed') {
      const number = Number(value);
      if (!Number.isInteger(number) || (name === 'port' && (number < 0 || number > 65535)))
        return `kubesim serve: --${name} needs ${name === 'port' ? 'a port number (0-65535)' : 'an integer'}, got ${value}`;
      options[name] = number;
    } else options[name] = value;
  }
  return options;
}

async function clusterFor(options: ServeOptions): Promise<Cluster | string> {
  const createdAt = Date.now() - 10 * 60 * 1000;
  if (options.lesson === undefined) return createCluster({ seed: options.seed ?? 1, createdAt });
  const lessons = loadLessonsFromDisk();
  const lesson = lessons.find((l) => l.slug === options.lesson);
  if (!lesson)
    return `kubesim serve: no lesson ${options.lesson}; lessons: ${lessons.map((l) => l.slug).join(', ')}`;
  return startLesson(lesson, options.seed ?? lesson.data.seed, createdAt);
}

export async function serve(argv: readonly string[]): Promise<number> {
  const options = parseServeOptions(argv);
  if (typeof options === 'string') {
    const usage = options.startsWith('usage');
    (usage ? process.stdout : process.stderr).write(`${options}\n`);
    return usage ? 0 : 2;
  }
  const cluster = await clusterFor(options);
  if (typeof cluster === 'string') {
    process.stderr.write(`${cluster}\n`);
    return 2;
  }
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1') {
    process.stderr.write(
      `kubesim serve: warning: listening on ${options.host}; the API has no authentication, so anyone who can reach it can change the cluster\n`,
    );
  }
  let server;
  try {
    server = await startApiServer({ cluster, host: options.host, port: options.port, clock: 'wall' });
  } catch (error) {
    process.stderr.write(
      `kubesim serve: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`,
    );
    return 1;
  }
  const kubeconfig = resolve(options.kubeconfig ?? join(tmpdir(), `kube101-${server.port}.kubeconfig`));
  writeFileSync(kubeconfig, kubeconfigFor(server.url), { mode: 0o600 });
  process.stdout.write(
    `Serving the simulated cluster on ${server.url}\n` +
      `Point kubectl at it with:\n  export KUBECONFIG=${kubeconfig}\n  kubectl get nodes\n` +
      `(or: kubectl --kubeconfig ${kubeconfig} get nodes). Ctrl-C stops it.\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
