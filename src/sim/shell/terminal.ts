/**
 * The cluster's terminal: the learner's bash on the workstation (variables, aliases and `cd` last
 * from one line to the next) and the pod shell it may be attached to (`kubectl exec -it POD -- sh`,
 * `kubectl run tmp --rm -it --image=busybox -- sh`), which takes the typed lines until it exits.
 * One per cluster, owned by cluster.ts. Runs one input (a line, or several lines with a heredoc)
 * and always answers with output and an exit code; nothing a learner types escapes as an exception.
 */
import type { Runtime } from '../runtime.ts';
import type { ExecOptions, ExecResult } from '../cluster-types.ts';
import type { PodExec } from '../net/container-exec.ts';
import type { CommandIO } from './command.ts';
import { ShellSession } from './interpreter.ts';
import { DEFAULT_ALIASES, workstation } from './workstation.ts';
import { runInPod } from './pod-exec.ts';

export interface AttachedShell {
  session: ShellSession;
  /** Called once the shell exits (kubectl run --rm deletes its pod here and says so). */
  onExit: ((io: Pick<CommandIO, 'stdout' | 'stderr'>, exitCode: number) => void) | undefined;
}

export class Terminal {
  readonly runtime: Runtime;
  readonly workstation: ShellSession;
  #attached: AttachedShell | undefined;

  constructor(runtime: Runtime) {
    this.runtime = runtime;
    this.workstation = new ShellSession(runtime, workstation(runtime), DEFAULT_ALIASES);
  }

  /** The variables a learner set on the workstation (`NODE_PORT=...`), kept in snapshots. */
  learnerVariables(): [string, string][] {
    const { env, machine } = this.workstation;
    return [...env].filter(([name, value]) => machine.env.get(name) !== value);
  }

  restoreLearnerVariables(variables: readonly [string, string][]): void {
    for (const [name, value] of variables) this.workstation.env.set(name, value);
  }

  /** The container runtime's exec for kubectl: a live `-it` shell attaches to this terminal. */
  readonly execInPod: PodExec = (target, argv, io) =>
    runInPod(this.runtime, target, argv, io, (shell) => {
      this.#attached = shell;
    });

  /** The prompt the attached shell shows (`/ # ` for busybox as root), or undefined on the workstation. */
  get podPrompt(): string | undefined {
    if (!this.#attached) return undefined;
    const { machine } = this.#attached.session;
    const cwd = machine.fs.cwd;
    if (machine.shell === 'bash') return `root@${machine.hostname}:${cwd}# `;
    return machine.shell === 'ash' ? `${cwd} # ` : '# ';
  }

  async run(input: string, options: ExecOptions = {}): Promise<ExecResult> {
    const { runtime } = this;
    let stdout = '';
    let stderr = '';
    const attached = this.#attached;
    const session = attached?.session ?? this.workstation;
    if (input.trim() === '') return { stdout, stderr, exitCode: session.lastExitCode };
    runtime.history.push(input.replace(/\n$/, ''));
    session.exited = false;
    const io = {
      stdin: '',
      stdout(text: string) {
        stdout += text;
        options.onStdout?.(text);
      },
      stderr(text: string) {
        stderr += text;
        options.onStderr?.(text);
      },
      signal: options.signal,
      interactive: options.interactive ?? false,
      tty: true,
    };
    // bash tells about background jobs that ended before it runs the next command.
    const finished = session.jobs.takeFinished();
    if (finished) io.stderr(finished);
    const exitCode = await session.run(input, io);
    session.lastExitCode = exitCode;
    if (attached && session.exited) {
      // `exit` in the container's shell: back on the workstation.
      this.#attached = undefined;
      try {
        attached.onExit?.(io, exitCode);
      } catch (error) {
        // What runs after the shell (kubectl run --rm deleting its pod) speaks as kubectl does.
        io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    runtime.controllers.run();
    return { stdout, stderr, exitCode };
  }
}
