/** `kubectl get statefulsets` (printers.go printStatefulSet): NAME READY AGE, wide CONTAINERS IMAGES. */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { age } from '../duration.ts';
import { containerCells, type TableDefinition } from './table.ts';

export const statefulSetTable: TableDefinition = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
  ],
  cells(object, context) {
    const set = object as unknown as StatefulSet;
    const cells = [
      set.metadata?.name ?? '',
      `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 0}`,
      age(set.metadata?.creationTimestamp, context.nowMs),
    ];
    if (context.wide) cells.push(...containerCells(set.spec?.template.spec?.containers));
    return cells;
  },
};
