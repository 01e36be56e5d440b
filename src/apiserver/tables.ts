/**
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the API server prints, kubectl only lays
 * out. Columns and cells come from the same table definitions the page's kubectl prints with
 * (src/sim/kubectl/printers/tables), wide columns as priority 1, so there is one source of columns.
 */
import type { ResourceType } from '../sim/api/resources.ts';
import type { KubeObject } from '../sim/api/types.ts';
import { tableFor } from '../sim/kubectl/printers/table-printer.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** What the client accepts: a Table (v1 or v1beta1), or plain JSON. */
export function wantsTable(accept: string | undefined): 'v1' | 'v1beta1' | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    const params = part.split(';').map((p) => p.trim());
    if (!params.includes('as=Table') || !params.includes('g=meta.k8s.io')) continue;
    if (params.includes('v=v1')) return 'v1';
    if (params.includes('v=v1beta1')) return 'v1beta1';
  }
  return undefined;
}

function partialMetadata(object: Readonly<KubeObject>, version: string): object {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: object.metadata };
}

export interface TableOptions {
  nowMs: number;
  version: 'v1' | 'v1beta1';
  includeObject: IncludeObject;
  /** Watch events after the first carry rows only. */
  noHeaders?: boolean;
  resourceVersion?: string;
}

export function toTable(
  type: ResourceType,
  objects: readonly Readonly<KubeObject>[],
  options: TableOptions,
): object {
  const table = tableFor(type);
  const columnDefinitions = options.noHeaders
    ? []
    : table.columns.map((column) => ({
        name: column.name,
        type: 'string',
        format: column.name === 'Name' ? 'name' : '',
        description: '',
        priority: column.wide ? 1 : 0,
      }));
  const context = { nowMs: options.nowMs, wide: true };
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${options.version}`,
    metadata: options.resourceVersion === undefined ? {} : { resourceVersion: options.resourceVersion },
    columnDefinitions,
    rows: objects.map((object) => ({
      cells: table.cells(object, context),
      object:
        options.includeObject === 'Object'
          ? object
          : options.includeObject === 'Metadata'
            ? partialMetadata(object, options.version)
            : null,
    })),
  };
}
