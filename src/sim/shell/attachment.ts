/**
 * A shell inside a container that the terminal is attached to (`kubectl exec -it POD -- sh`,
 * `kubectl run tmp --rm -it --image=busybox -- sh`): until it exits, the lines the learner types
 * run there instead of on the workstation.
 */
import type { Runtime } from '../runtime.ts';
import type { CommandIO } from './command.ts';
import type { ShellSession } from './interpreter.ts';

export interface AttachedShell {
  session: ShellSession;
  /** Called once the shell exits (kubectl run --rm deletes its pod here and says so). */
  onExit: ((io: Pick<CommandIO, 'stdout' | 'stderr'>, exitCode: number) => void) | undefined;
}

const attached = new WeakMap<Runtime, AttachedShell>();

export function attach(runtime: Runtime, shell: AttachedShell): void {
  attached.set(runtime, shell);
}

export function attachedShell(runtime: Runtime): AttachedShell | undefined {
  return attached.get(runtime);
}

export function detach(runtime: Runtime): void {
  attached.delete(runtime);
}

/** The prompt the attached shell shows (`/ # ` for busybox as root), or undefined on the workstation. */
export function attachedPrompt(runtime: Runtime): string | undefined {
  const shell = attached.get(runtime);
  if (!shell) return undefined;
  const { machine } = shell.session;
  const cwd = machine.fs.cwd;
  if (machine.shell === 'bash') return `root@${machine.hostname}:${cwd}# `;
  return machine.shell === 'ash' ? `${cwd} # ` : '# ';
}
