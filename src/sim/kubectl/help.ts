/**
 * `--help` texts (the real kubectl's, captured in help/) and cobra's unknown-command error with
 * its "Did you mean this?" suggestions.
 */
import type { KubectlCommand } from './command.ts';
import { HELP } from './help/index.ts';

/** The help of a command path (`[]` is `kubectl` itself); a short one built from the table when none was captured. */
export function helpFor(path: readonly string[], commands: readonly KubectlCommand[]): string {
  const captured = HELP[path.join(' ')];
  if (captured !== undefined) return captured;
  const command = path.length === 0 ? undefined : commands[0];
  const lines = [`${command?.short ?? 'kubectl controls the Kubernetes cluster manager.'}`, ''];
  if (command?.subcommands?.length) {
    lines.push('Available Commands:');
    const width = Math.max(...command.subcommands.map((c) => c.name.length)) + 3;
    for (const sub of command.subcommands) lines.push(`  ${sub.name.padEnd(width)}${sub.short}`);
    lines.push('');
  }
  lines.push('Usage:', `  kubectl ${[...path, '[flags]'].join(' ')} [options]`, '');
  lines.push('Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return `${lines.join('\n')}\n`;
}

/**
 * kubectl's top-level commands in the order cobra holds them (kubectl turns command sorting off):
 * the groups of `kubectl --help`, then the commands added after them.
 */
export function rootCommandNames(): string[] {
  const help = HELP[''] ?? '';
  const names: string[] = [];
  for (const match of help.matchAll(/^ {2}([a-z][a-z-]*) {2,}\S/gm)) {
    const name = match[1] as string;
    if (!['alpha', 'api-resources', 'api-versions', 'config', 'plugin', 'version'].includes(name))
      names.push(name);
  }
  names.push('alpha', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options', 'help');
  return names;
}

/** cobra's SuggestionsFor: Levenshtein distance at most 2 (ignoring case) or a prefix of the command. */
export function suggestionsFor(word: string, candidates: readonly string[] = rootCommandNames()): string[] {
  const lower = word.toLowerCase();
  return candidates.filter(
    (name) => levenshtein(lower, name.toLowerCase()) <= 2 || name.toLowerCase().startsWith(lower),
  );
}

/** `error: unknown command "gett" for "kubectl"` and the suggestions, as kubectl prints them. */
export function unknownCommandMessage(word: string): string {
  let text = `error: unknown command "${word}" for "kubectl"\n`;
  const suggestions = suggestionsFor(word);
  if (suggestions.length > 0) text += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return text;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}
