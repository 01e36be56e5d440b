/**
 * The learner's shell on the workstation: runs one input (a line, or several lines with a heredoc)
 * and always answers with output and an exit code; nothing a learner types escapes as an exception.
 */
import type { Runtime } from '../runtime.ts';
import type { ExecOptions, ExecResult } from '../cluster-types.ts';
import { ShellSession } from './interpreter.ts';
import { DEFAULT_ALIASES, workstation } from './workstation.ts';
import { attachedShell, detach } from './attachment.ts';

/** One bash per cluster: variables, aliases and `cd` last from one line to the next. */
const sessions = new WeakMap<Runtime, ShellSession>();

export function workstationShell(runtime: Runtime): ShellSession {
  let session = sessions.get(runtime);
  if (!session) {
    session = new ShellSession(runtime, workstation(runtime), DEFAULT_ALIASES);
    sessions.set(runtime, session);
  }
  return session;
}

/** The variables a learner set on the workstation (`NODE_PORT=...`), kept in snapshots. */
export function learnerVariables(runtime: Runtime): [string, string][] {
  const session = workstationShell(runtime);
  return [...session.env].filter(([name, value]) => session.machine.env.get(name) !== value);
}

export function restoreLearnerVariables(runtime: Runtime, variables: readonly [string, string][]): void {
  const session = workstationShell(runtime);
  for (const [name, value] of variables) session.env.set(name, value);
}

export async function runShell(
  input: string,
  runtime: Runtime,
  options: ExecOptions = {},
): Promise<ExecResult> {
  let stdout = '';
  let stderr = '';
  const attached = attachedShell(runtime);
  const session = attached?.session ?? workstationShell(runtime);
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
    detach(runtime);
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
