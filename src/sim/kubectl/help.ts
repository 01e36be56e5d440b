/** `--help` texts and cobra's unknown-command message. */
import type { KubectlCommand } from './command.ts';

/** Help for a command path; the captured texts of the real kubectl live in help/ once present. */
export function helpFor(path: readonly string[], commands: readonly KubectlCommand[]): string {
  if (path.length === 0) {
    const lines = commands.map((c) => `  ${c.name.padEnd(14)}${c.short}`);
    return `kubectl controls the Kubernetes cluster manager.\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n`;
  }
  const command = commands[0];
  return `${command?.short ?? ''}\n\nUsage:\n  kubectl ${path.join(' ')} [options]\n`;
}

/** cobra: `error: unknown command "gett" for "kubectl"` with suggestions by Levenshtein distance. */
export function unknownCommandMessage(word: string): string {
  return `error: unknown command "${word}" for "kubectl"\n`;
}
