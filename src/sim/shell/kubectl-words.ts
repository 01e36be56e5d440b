/**
 * Completion of kubectl's own words from the command table: subcommands along the path typed so
 * far, then the command's flags. Kinds and object names come with the kubectl side's completer.
 */
import type { Runtime } from '../runtime.ts';
import { COMMANDS, findCommand } from '../kubectl/commands/index.ts';
import { GLOBAL_FLAGS } from '../kubectl/global-flags.ts';

export function completeKubectlFallback(words: string[], _runtime: Runtime): string[] {
  const partial = words[words.length - 1] ?? '';
  const typed = words.slice(0, -1);
  const { command } = findCommand(typed);
  if (partial.startsWith('-')) {
    const flags = [...(command?.flags ?? []), ...GLOBAL_FLAGS];
    return flags.flatMap((flag) => [`--${flag.name}`, ...(flag.shorthand ? [`-${flag.shorthand}`] : [])]);
  }
  const candidates = command ? (command.subcommands ?? []) : COMMANDS;
  return candidates.map((c) => c.name);
}
