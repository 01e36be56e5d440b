/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]` (exec.go): runs
 * the program in the container with the tools its image ships; a non-zero exit is reported as
 * `command terminated with exit code N` and becomes kubectl's own exit code.
 */
import type { KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { ContainerExecError } from '../../net/container-exec.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { containerOf, podForArgument } from './write/pod-target.ts';

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: flagsFromHelp('exec', { 'pod-running-timeout': { type: 'duration', default: '1m0s' } }),
  async run(context) {
    const args = context.positionals;
    const command = context.args.afterDash;
    if (args.length === 0 && (context.flag<string[]>('filename') ?? []).length === 0) {
      throw new CommandError('pod, type/name or --filename must be specified');
    }
    if (command === undefined && args.length > 1) {
      throw new UsageError(
        'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      );
    }
    if (!command || command.length === 0)
      throw new CommandError('you must specify at least one command for the container');
    const { pod } = podForArgument(context, args[0] as string);
    const phase = ((pod['status'] ?? {}) as { phase?: string }).phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      throw new CommandError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    }
    const container = containerOf(context, pod, context.flag<string>('container'));
    const tty = context.flag<boolean>('tty');
    if (tty && !context.interactive)
      context.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    let code: number;
    try {
      const result = await context.runtime.execInPod(
        { namespace: pod.metadata.namespace ?? context.namespace, pod: pod.metadata.name, container },
        command,
        {
          stdin: context.flag<boolean>('stdin') ? context.stdin : '',
          stdout: context.stdout,
          stderr: context.stderr,
          signal: context.signal,
          interactive: context.interactive,
          tty: tty && context.interactive,
        },
      );
      code = result === 'attached' ? 0 : result;
    } catch (error) {
      if (error instanceof ContainerExecError) throw new CommandError(error.message);
      throw error;
    }
    if (code !== 0) {
      context.stderr(`command terminated with exit code ${code}\n`);
      return code;
    }
    return 0;
  },
};
