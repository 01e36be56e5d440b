/**
 * `npm run kubesim`: the course's simulated cluster in a local terminal, for teachers trying
 * commands and learners practising offline.
 *
 *   npm run kubesim                      interactive shell (history, Tab completion, Ctrl-C)
 *   npm run kubesim -- --seed 7          another seed: other names, IPs and ports
 *   npm run kubesim -- --lesson nodeport the lesson's cluster: its seed (unless --seed), setup and files
 *   npm run kubesim -- --json < script   one JSON line {line, stdout, stderr, exitCode} per command
 *   npm run kubesim -- serve             the same cluster behind a Kubernetes API (serve.ts)
 */
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { createCluster, type Cluster } from '../sim/index.ts';
import { needsMoreInput } from '../sim/shell/input.ts';
import { HOME } from '../sim/shell/vfs.ts';
import { serve } from './serve.ts';
import { startLesson } from './lesson-cluster.ts';
import { loadLessonsFromDisk } from './lesson-files.ts';

interface Options {
  json: boolean;
  seed?: number;
  lesson?: string;
}

const USAGE = `usage: kubesim [--seed N] [--lesson SLUG] [--json]
       kubesim serve [--port N] [--seed N] [--lesson SLUG] [--kubeconfig FILE]   (see serve --help)
  --seed N       the cluster's seed (names, IPs and ports); 1, or the lesson's
  --lesson SLUG  start on that lesson's cluster: its seed, setup and editor files
  --json         read commands from stdin, print {line, stdout, stderr, exitCode} per command`;

function parseOptions(argv: string[]): Options | string {
  const options: Options = { json: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const valueOf = (flag: string): string | undefined =>
      arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : argv[++index];
    if (arg === '--json') options.json = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = valueOf('--seed');
      const seed = Number(value);
      if (!Number.isInteger(seed)) return `kubesim: --seed needs an integer, got ${value ?? 'nothing'}`;
      options.seed = seed;
    } else if (arg === '--lesson' || arg.startsWith('--lesson=')) {
      const value = valueOf('--lesson');
      if (!value) return 'kubesim: --lesson needs a lesson, such as --lesson why-services';
      options.lesson = value;
    } else if (arg === '--help' || arg === '-h') {
      return USAGE;
    } else return `kubesim: unknown option ${arg}`;
  }
  return options;
}

/** The cluster to start on: a fresh one, or a lesson's as its page starts it. */
async function startingCluster(options: Options): Promise<Cluster | string> {
  if (options.lesson === undefined) return createCluster({ seed: options.seed ?? 1 });
  const lessons = loadLessonsFromDisk();
  const lesson = lessons.find((candidate) => candidate.slug === options.lesson);
  if (!lesson) {
    return `kubesim: no lesson ${options.lesson}; lessons: ${lessons.map((l) => l.slug).join(', ')}`;
  }
  return startLesson(lesson, options.seed);
}

/** Group physical lines into commands the way the shell would read them (heredocs, `\`, open quotes). */
export function commandsOf(text: string): string[] {
  const commands: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    pending = pending === '' ? line : `${pending}\n${line}`;
    if (!needsMoreInput(pending)) {
      if (pending.trim() !== '') commands.push(pending);
      pending = '';
    }
  }
  if (pending.trim() !== '') commands.push(pending);
  return commands;
}

async function runJson(cluster: Cluster): Promise<void> {
  const input = readFileSync(0, 'utf8');
  for (const line of commandsOf(input)) {
    const result = await cluster.exec(line);
    process.stdout.write(`${JSON.stringify({ line, ...result })}\n`);
  }
}

function prompt(cluster: Cluster): string {
  if (cluster.podPrompt !== undefined) return cluster.podPrompt;
  const cwd =
    cluster.cwd === HOME
      ? '~'
      : cluster.cwd.startsWith(`${HOME}/`)
        ? `~${cluster.cwd.slice(HOME.length)}`
        : cluster.cwd;
  return `learner@workstation:${cwd}$ `;
}

async function runInteractive(cluster: Cluster, lesson: string | undefined): Promise<void> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    historySize: 1000,
    completer: (line: string): [string[], string] => {
      const { from, items } = cluster.complete(line, line.length);
      return [items, line.slice(from)];
    },
  });
  let running: AbortController | undefined;
  let pending = '';
  // Piped input can end while a command still runs (a `sleep`): the lines already read still run,
  // but the closed interface must not be prompted again.
  let closed = false;
  rl.once('close', () => {
    closed = true;
  });
  let lastTick = Date.now();
  rl.on('SIGINT', () => {
    if (running) {
      running.abort();
      process.stdout.write('^C\n');
      return;
    }
    pending = '';
    process.stdout.write('^C\n');
    rl.setPrompt(prompt(cluster));
    rl.prompt();
  });
  process.stdout.write(
    lesson === undefined
      ? 'kubesim: a simulated Kubernetes cluster. Type help, or kubectl get nodes. Ctrl-D leaves.\n'
      : `kubesim: the cluster of the lesson ${lesson}, as its page starts it. Type help, or kubectl get all. Ctrl-D leaves.\n`,
  );
  rl.setPrompt(prompt(cluster));
  rl.prompt();
  for await (const line of rl) {
    pending = pending === '' ? line : `${pending}\n${line}`;
    if (needsMoreInput(pending)) {
      if (!closed) {
        rl.setPrompt('> ');
        rl.prompt();
      }
      continue;
    }
    const command = pending;
    pending = '';
    // The cluster lives in real time here, as in the page: pods age while the teacher reads.
    const now = Date.now();
    cluster.advance(now - lastTick);
    lastTick = now;
    running = new AbortController();
    rl.pause();
    // While a command waits (sleep, rollout status, get -w), time goes on as on a real cluster.
    const ticker = setInterval(() => {
      const tick = Date.now();
      cluster.advance(tick - lastTick);
      lastTick = tick;
    }, 100);
    await cluster.exec(command, {
      interactive: true,
      signal: running.signal,
      onStdout: (text) => process.stdout.write(text),
      onStderr: (text) => process.stderr.write(text),
    });
    clearInterval(ticker);
    running = undefined;
    if (closed) continue;
    rl.resume();
    rl.setPrompt(prompt(cluster));
    rl.prompt();
  }
  process.stdout.write('\n');
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') {
    process.exitCode = await serve(process.argv.slice(3));
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  if (typeof options === 'string') {
    const usage = options.startsWith('usage');
    (usage ? process.stdout : process.stderr).write(`${options}\n`);
    process.exitCode = usage ? 0 : 2;
    return;
  }
  const cluster = await startingCluster(options);
  if (typeof cluster === 'string') {
    process.stderr.write(`${cluster}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.json) await runJson(cluster);
  else await runInteractive(cluster, options.lesson);
}

await main();
