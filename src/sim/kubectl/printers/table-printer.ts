/**
 * kubectl's human-readable printer: the kind's columns (wide ones with `-o wide`), NAMESPACE first
 * with `-A`, `kind/name` names when several kinds are printed, `-L` label columns and LABELS with
 * `--show-labels`, headers upper-cased as kubectl prints them.
 */
import type { KubeObject } from '../../api/types.ts';
import type { ResourceType } from '../../api/resources.ts';
import { TABLES, type TableDefinition } from './tables/index.ts';
import { formatLabels } from './tables/table.ts';
import { age } from './duration.ts';

export interface TableOptions {
  nowMs: number;
  wide?: boolean;
  /** `-A`: a NAMESPACE column for namespaced kinds. */
  withNamespace?: boolean;
  /** Several kinds in one output (`get all`, `get pods,svc`): names print as `pod/web`. */
  withKind?: boolean;
  showLabels?: boolean;
  /** `-L key1,key2`: one column per key, headed by its last path segment. */
  labelColumns?: readonly string[];
  noHeaders?: boolean;
}

/** Servers answer kinds without a printer with NAME and AGE (the default table convertor). */
const DEFAULT_TABLE: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Age' }],
  cells: (object, context) => [object.metadata.name, age(object.metadata.creationTimestamp, context.nowMs)],
};

export function tableFor(type: ResourceType): TableDefinition {
  return TABLES[type.resource] ?? DEFAULT_TABLE;
}

/** The rows of one kind's table, header first unless `noHeaders`; cells not yet aligned. */
export function tableRows(
  type: ResourceType,
  objects: Iterable<Readonly<KubeObject>>,
  options: TableOptions,
): string[][] {
  const table = tableFor(type);
  const wide = options.wide ?? false;
  const columns = table.columns.filter((c) => wide || !c.wide);
  const nameIndex = columns.findIndex((c) => c.name === 'Name');
  const withNamespace = (options.withNamespace ?? false) && type.namespaced;
  const labelColumns = options.labelColumns ?? [];
  const kindPrefix = options.withKind
    ? `${type.kind.toLowerCase()}${type.group ? `.${type.group}` : ''}/`
    : '';
  const rows: string[][] = [];
  if (!options.noHeaders) {
    const header = columns.map((c) => c.name.toUpperCase());
    for (const key of labelColumns) header.push((key.split('/').pop() ?? key).toUpperCase());
    if (options.showLabels) header.push('LABELS');
    if (withNamespace) header.unshift('NAMESPACE');
    rows.push(header);
  }
  const context = { nowMs: options.nowMs, wide };
  const showLabels = options.showLabels ?? false;
  for (const object of objects) {
    const cells = table.cells(object, context);
    if (kindPrefix && nameIndex >= 0) cells[nameIndex] = kindPrefix + cells[nameIndex];
    if (labelColumns.length > 0 || showLabels) {
      const labels = object.metadata.labels;
      for (const key of labelColumns) cells.push(labels?.[key] ?? '');
      if (showLabels) cells.push(formatLabels(labels));
    }
    rows.push(withNamespace ? [object.metadata.namespace ?? '', ...cells] : cells);
  }
  return rows;
}
