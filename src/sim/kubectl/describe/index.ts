/** The describer of each resource the simulator serves; others get kubectl's generic describer. */
import type { Describer } from './describer.ts';
import { describePod } from './pod.ts';
import { describeService } from './service.ts';
import { describeDeployment, describeReplicaSet } from './workloads.ts';
import { describeEndpointSlice, describeEndpoints } from './endpoints.ts';
import { describeStatefulSet } from './statefulset.ts';
import { describeNode } from './node.ts';
import { describeConfigMap, describeNamespace } from './namespace.ts';
import { describeGeneric } from './event.ts';

export const DESCRIBERS: Readonly<Record<string, Describer>> = {
  pods: describePod,
  services: describeService,
  deployments: describeDeployment,
  replicasets: describeReplicaSet,
  statefulsets: describeStatefulSet,
  endpoints: describeEndpoints,
  endpointslices: describeEndpointSlice,
  nodes: describeNode,
  namespaces: describeNamespace,
  configmaps: describeConfigMap,
  events: describeGeneric,
};

export type { Describer, DescribeContext } from './describer.ts';
