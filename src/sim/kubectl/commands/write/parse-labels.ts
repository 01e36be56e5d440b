/** kubectl's generate.ParseLabels, for `run --labels` and `expose --labels/--selector`: `a=b,c=d`. */
import { CommandError } from '../../command.ts';

export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2 || parts[0] === '') throw new CommandError(`unexpected label spec: ${pair}`);
    labels[parts[0] as string] = parts[1] as string;
  }
  return labels;
}
