/** `kubectl get deployments` and `kubectl get replicasets`. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { formatLabelSelector } from '../../../api/labels/selector.ts';
import { age } from '../duration.ts';
import { containerCells, type TableDefinition } from './table.ts';

export const deploymentTable: TableDefinition = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  cells(object, context) {
    const d = object as unknown as Deployment;
    const status = d.status ?? {};
    const cells = [
      d.metadata?.name ?? '',
      `${status.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      age(d.metadata?.creationTimestamp, context.nowMs),
    ];
    if (context.wide)
      cells.push(...containerCells(d.spec?.template.spec?.containers), formatLabelSelector(d.spec?.selector));
    return cells;
  },
};

export const replicaSetTable: TableDefinition = {
  columns: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  cells(object, context) {
    const rs = object as unknown as ReplicaSet;
    const status = rs.status;
    const cells = [
      rs.metadata?.name ?? '',
      String(rs.spec?.replicas ?? 0),
      String(status?.replicas ?? 0),
      String(status?.readyReplicas ?? 0),
      age(rs.metadata?.creationTimestamp, context.nowMs),
    ];
    if (context.wide)
      cells.push(
        ...containerCells(rs.spec?.template?.spec?.containers),
        formatLabelSelector(rs.spec?.selector),
      );
    return cells;
  },
};
