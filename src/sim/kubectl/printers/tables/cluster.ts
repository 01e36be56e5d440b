/** `kubectl get nodes`, `namespaces`, `configmaps`. */
import type { ConfigMap, Namespace, Node } from 'kubernetes-types/core/v1';
import { age } from '../duration.ts';
import type { TableDefinition } from './table.ts';

export const nodeTable: TableDefinition = {
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', wide: true },
    { name: 'External-IP', wide: true },
    { name: 'OS-Image', wide: true },
    { name: 'Kernel-Version', wide: true },
    { name: 'Container-Runtime', wide: true },
  ],
  cells(object, context) {
    const node = object as unknown as Node;
    const info = node.status?.nodeInfo;
    const cells = [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      age(node.metadata?.creationTimestamp, context.nowMs),
      info?.kubeletVersion ?? '',
    ];
    if (context.wide) {
      cells.push(
        nodeAddress(node, 'InternalIP'),
        nodeAddress(node, 'ExternalIP'),
        info?.osImage || '<unknown>',
        info?.kernelVersion || '<unknown>',
        info?.containerRuntimeVersion || '<unknown>',
      );
    }
    return cells;
  },
};

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export const namespaceTable: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  cells(object, context) {
    const ns = object as unknown as Namespace;
    return [
      ns.metadata?.name ?? '',
      ns.status?.phase ?? '',
      age(ns.metadata?.creationTimestamp, context.nowMs),
    ];
  },
};

export const configMapTable: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Data' }, { name: 'Age' }],
  cells(object, context) {
    const cm = object as unknown as ConfigMap;
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata?.name ?? '', String(count), age(cm.metadata?.creationTimestamp, context.nowMs)];
  },
};
