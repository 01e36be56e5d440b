/** Positional arguments of the `create` generators, with cobra's usage errors. */
import { UsageError, type CommandContext } from '../../command.ts';

/** cmdutil.NameFromCommandArgs: `exactly one NAME is required, got 2`. */
export function nameFromArgs(context: CommandContext): string {
  const names = context.positionals;
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`);
  return names[0] as string;
}

/** The namespace a generator writes into the object: only an explicit `-n` (EnforceNamespace). */
export function generatedNamespace(context: CommandContext): { namespace?: string } {
  return context.namespaceExplicit ? { namespace: context.namespace } : {};
}
