/**
 * One kubectl command as data: its name, flags and subcommands, from which parsing, `--help` and
 * completion are all derived (one declarative table, as learnGitBranching's commands.js).
 */
import type { FlagSpec, FlagValue, ParsedArgs } from './flags.ts';
import type { Runtime } from '../runtime.ts';

export interface KubectlCommand {
  name: string;
  aliases?: readonly string[];
  /** One line, as in `kubectl --help`'s list. */
  short: string;
  flags?: readonly FlagSpec[];
  subcommands?: readonly KubectlCommand[];
  /** Absent on pure groups (`kubectl config`, `kubectl create service`): they print help. */
  run?(context: CommandContext): Promise<number> | number;
  /** Completes positional words: resource types, names... */
  completeArgs?(context: CompletionContext): string[];
}

export interface CommandContext {
  runtime: Runtime;
  /** The command's full path, as in `See 'kubectl create service nodeport -h' for help`. */
  path: string;
  args: ParsedArgs;
  /** Positional arguments (ParsedArgs.positionals). */
  positionals: string[];
  /** Namespace from `-n`, or the context's. */
  namespace: string;
  /** Whether `-n` was given explicitly (kubectl's enforceNamespace). */
  namespaceExplicit: boolean;
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  signal: AbortSignal | undefined;
  interactive: boolean;
  flag<T extends FlagValue>(name: string): T;
  changed(name: string): boolean;
}

export interface CompletionContext {
  runtime: Runtime;
  positionals: string[];
  namespace: string;
  /** The word being completed. */
  word: string;
}

/** An error kubectl prints as `error: <message>` and exits 1 with. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** cobra's usage error: `error: <msg>\nSee 'kubectl <path> -h' for help and examples` */
export class UsageError extends CommandError {}
