/**
 * A kind's table as the API server's table convertor defines it (pkg/printers/internalversion):
 * the column names, which of them only `-o wide` shows (priority 1), and the cells of one object.
 */
import type { KubeObject } from '../../../api/types.ts';

export interface TableColumn {
  /** As defined (`Cluster-IP`, `Nominated Node`); kubectl prints it upper-cased. */
  name: string;
  /** Priority 1: shown only with `-o wide`. */
  wide?: boolean;
}

export interface RowContext {
  nowMs: number;
  wide: boolean;
}

export interface TableDefinition {
  columns: readonly TableColumn[];
  /** Cells for the columns shown (wide ones only when `context.wide`). */
  cells(object: Readonly<KubeObject>, context: RowContext): string[];
}

/** `app=web,tier=db` or `<none>` (labels.FormatLabels: keys sorted). */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  if (!labels) return '<none>';
  const keys = Object.keys(labels);
  if (keys.length === 0) return '<none>';
  keys.sort();
  let out = '';
  for (const key of keys) out += `${out ? ',' : ''}${key}=${labels[key]}`;
  return out;
}

/** The CONTAINERS and IMAGES cells of a pod template (layoutContainerCells). */
export function containerCells(
  containers: readonly { name: string; image?: string }[] | undefined,
): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
