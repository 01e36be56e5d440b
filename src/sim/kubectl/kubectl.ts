/**
 * `kubectl ARGS`: finds the command in the table, parses its flags with pflag's rules, prints
 * `--help`, and turns every failure into kubectl's own words and exit code.
 */
import { COMMANDS, findCommand } from './commands/index.ts';
import type { CommandContext, KubectlCommand } from './command.ts';
import { FlagError, parseArgs, type FlagValue } from './flags.ts';
import { GLOBAL_FLAGS } from './global-flags.ts';
import { formatKubectlError } from './errors.ts';
import { currentNamespace } from './kubeconfig.ts';
import { helpFor, unknownCommandMessage } from './help.ts';
import type { Runtime } from '../runtime.ts';
import { resourcesInArguments } from './audit.ts';

export interface KubectlIO {
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  signal: AbortSignal | undefined;
  interactive: boolean;
}

export async function runKubectl(argv: readonly string[], runtime: Runtime, io: KubectlIO): Promise<number> {
  const { command, path, rest } = findCommand(argv);
  if (!command) {
    const first = argv.find((a) => !a.startsWith('-'));
    if (first === undefined) {
      try {
        parseArgs(argv, GLOBAL_FLAGS);
      } catch (error) {
        if (!(error instanceof FlagError)) throw error;
        io.stderr(`error: ${error.message}\nSee 'kubectl --help' for usage.\n`);
        return 1;
      }
      io.stdout(helpFor([], COMMANDS));
      return 0;
    }
    io.stderr(unknownCommandMessage(first));
    return 1;
  }
  const pathText = path.join(' ');
  let parsed;
  try {
    parsed = parseArgs(rest, [...(command.flags ?? []), ...GLOBAL_FLAGS]);
  } catch (error) {
    if (error instanceof FlagError) {
      io.stderr(`error: ${error.message}\nSee 'kubectl ${pathText} --help' for usage.\n`);
      return 1;
    }
    throw error;
  }
  if (parsed.flags.get('help') === true || !command.run) {
    if (!command.run && parsed.positionals.length > 0 && command.subcommands) {
      // `kubectl create foo`: cobra runs the group's own Run with the unknown word... most groups print help.
      io.stdout(helpFor(path, [command]));
      return 0;
    }
    io.stdout(helpFor(path, [command]));
    return 0;
  }
  const explicitNamespace = parsed.changed.has('namespace');
  const context: CommandContext = {
    runtime,
    path: pathText,
    args: parsed,
    positionals: parsed.positionals,
    namespace: explicitNamespace
      ? String(parsed.flags.get('namespace'))
      : currentNamespace(runtime.kubeconfig),
    namespaceExplicit: explicitNamespace,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    signal: io.signal,
    interactive: io.interactive,
    flag<T extends FlagValue>(name: string): T {
      return parsed.flags.get(name) as T;
    },
    changed(name: string): boolean {
      return parsed.changed.has(name);
    },
  };
  let exitCode: number;
  try {
    exitCode = await command.run(context);
  } catch (error) {
    const formatted = formatKubectlError(error, pathText);
    io.stderr(formatted.text);
    exitCode = formatted.exitCode;
  }
  runtime.kubectlLog.push({
    command: pathText,
    ...resourcesInArguments(parsed.positionals),
    namespace: context.namespace,
    exitCode,
    time: runtime.clock.now(),
  });
  return exitCode;
}

export type { KubectlCommand };
