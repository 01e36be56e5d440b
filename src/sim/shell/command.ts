/**
 * What a shell command sees: its arguments, its standard streams and the shell it runs in. The
 * same commands (`cat`, `grep`, `curl`...) run in the workstation's bash and in a pod's `sh`; the
 * machine decides which exist and where the network request comes from.
 */
import type { Runtime } from '../runtime.ts';
import type { VirtualFs } from './vfs.ts';
import type { JobTable } from './jobs.ts';
import type { ToolVersions } from '../net/apps/toolsets.ts';

export interface CommandIO {
  /** Everything the command can read (a pipe, a file, a here-document); empty from the terminal. */
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  signal: AbortSignal | undefined;
  /** A live terminal: streaming commands follow the real clock until aborted. */
  interactive: boolean;
  /** stdout is the terminal itself (not a pipe or a file): `ls` makes columns, curl hides its meter. */
  tty: boolean;
}

/** Where a network request starts: the learner's workstation, outside the cluster, or a pod. */
export type NetworkOrigin = { kind: 'workstation' } | { kind: 'pod'; namespace: string; name: string };

export interface ShellContext {
  runtime: Runtime;
  machine: Machine;
  /** Shell and exported variables ($HOME, $PWD...). */
  env: Map<string, string>;
  aliases: Map<string, string>;
  /** Run shell source in this shell (`sh -c`, `$(...)`, `watch`). */
  run(source: string, io: CommandIO): Promise<number>;
  /** `exit`: stop running the rest of the input. */
  exit(code: number): void;
  /** Commands started with `&` in a live terminal. */
  jobs: JobTable;
}

export type ShellCommand = (args: string[], io: CommandIO, shell: ShellContext) => Promise<number> | number;

/** A computer a shell runs on: the workstation, or one container of a pod. */
export interface Machine {
  /** `bash` on the workstation; `sh` (busybox ash or dash) or `bash` in containers. */
  shell: 'bash' | 'ash' | 'dash';
  hostname: string;
  fs: VirtualFs;
  commands: ReadonlyMap<string, ShellCommand>;
  origin: NetworkOrigin;
  /** The environment the machine starts with. */
  env: ReadonlyMap<string, string>;
  /** Which releases of the tools it carries, where they answer differently. */
  tools?: ToolVersions;
}

/** How the machine's shell reports an unknown command (bash, busybox ash and dash differ). */
export function commandNotFound(machine: Machine, name: string): string {
  if (machine.shell === 'ash') return `sh: ${name}: not found\n`;
  if (machine.shell === 'dash') return `sh: 1: ${name}: not found\n`;
  return `bash: ${name}: command not found\n`;
}

/** The prefix errors of the shell itself carry: `bash: ` or `sh: `. */
export function shellPrefix(machine: Machine): string {
  return machine.shell === 'bash' ? 'bash' : 'sh';
}

/**
 * Between rounds of a loop in a live terminal (`watch`, `ping`, `while true`), let the page or the
 * terminal handle input first, so that Ctrl-C reaches a loop whose waits return at once.
 */
export function yieldToHost(io: Pick<CommandIO, 'interactive'>): Promise<void> {
  return io.interactive ? new Promise((resolve) => setTimeout(resolve, 0)) : Promise.resolve();
}
