/**
 * Completion of a command's `TYPE [NAME...]` arguments, which commands declare in the command table
 * (`completeArgs`): resource types, then names of objects of that type in the namespace.
 */
import type { Runtime } from '../runtime.ts';
import type { CompletionContext } from './command.ts';
import { RESOURCE_TYPES, findResourceType } from '../api/resources.ts';

/**
 * Resource type words for the first argument, as kubectl's completion offers them: the names
 * `kubectl api-resources -o name` prints (`pods`, `deployments.apps`), so `get no<Tab>` gives `nodes`.
 */
export function resourceTypeWords(): string[] {
  return RESOURCE_TYPES.map((t) => (t.group ? `${t.resource}.${t.group}` : t.resource));
}

/**
 * Positional completion for commands that take `TYPE [NAME...]` or `TYPE/NAME`: types first, then
 * names of that type in the namespace; `svc/` completes to `svc/web`.
 */
export function completeResourceArgs(context: CompletionContext): string[] {
  const { runtime, positionals, namespace, word } = context;
  const slash = word.indexOf('/');
  if (slash >= 0) {
    const typeWord = word.slice(0, slash);
    const type = findResourceType(typeWord);
    if (!type) return [];
    return objectNames(runtime, type.resource, type.namespaced ? namespace : undefined).map(
      (name) => `${typeWord}/${name}`,
    );
  }
  if (positionals.length === 0) return resourceTypeWords();
  const first = positionals[0] as string;
  if (first.includes('/')) return [];
  const type = findResourceType(first.split(',')[0] ?? '');
  if (!type || first.includes(',')) return [];
  return objectNames(runtime, type.resource, type.namespaced ? namespace : undefined).filter(
    (n) => !positionals.includes(n),
  );
}

function objectNames(runtime: Runtime, resource: string, namespace: string | undefined): string[] {
  const names: string[] = [];
  for (const object of runtime.api.store.peek(resource, namespace)) names.push(object.metadata.name);
  return names.sort();
}
