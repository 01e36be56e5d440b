/** The table of each resource the simulator serves, keyed by plural resource name. */
import type { TableDefinition } from './table.ts';
import { podTable } from './pods.ts';
import { serviceTable } from './services.ts';
import { deploymentTable, replicaSetTable } from './workloads.ts';
import { statefulSetTable } from './statefulsets.ts';
import { endpointSliceTable, endpointsTable } from './endpoints.ts';
import { configMapTable, namespaceTable, nodeTable } from './cluster.ts';
import { eventTable } from './events.ts';

export const TABLES: Readonly<Record<string, TableDefinition>> = {
  pods: podTable,
  services: serviceTable,
  deployments: deploymentTable,
  replicasets: replicaSetTable,
  statefulsets: statefulSetTable,
  endpoints: endpointsTable,
  endpointslices: endpointSliceTable,
  nodes: nodeTable,
  namespaces: namespaceTable,
  configmaps: configMapTable,
  events: eventTable,
};

export type { TableDefinition, TableColumn, RowContext } from './table.ts';
