/** cmdutil.GetResourcesAndPairs: resource arguments first, then `KEY=VALUE` / `KEY-` pairs. */
import { CommandError } from '../command.ts';

export function splitResourcesAndPairs(
  args: readonly string[],
  noun: string,
): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0)
      throw new CommandError(`all resources must be specified before ${noun} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}
