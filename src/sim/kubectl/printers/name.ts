/** `-o name`: `service/web`, `deployment.apps/web` (printers.NamePrinter: lowercase kind, then group). */
import type { KubeObject } from '../../api/types.ts';

export function resourceName(object: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): string {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  const kind = object.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${object.metadata.name}`;
}

/** The `-o name` output for objects, one per line. */
export function printNames(objects: Iterable<Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>>): string {
  let out = '';
  for (const object of objects) out += `${resourceName(object)}\n`;
  return out;
}
