/** The strategy of each resource, by resource name: the API server's registry. */
import type { Strategy } from '../strategy.ts';
import { serviceStrategy } from './service.ts';
import { podStrategy } from './pod.ts';
import { deploymentStrategy, replicaSetStrategy } from './workloads.ts';
import { statefulSetStrategy } from './statefulset.ts';
import { namespaceStrategy } from './namespace.ts';
import {
  configMapStrategy,
  endpointSliceStrategy,
  endpointsStrategy,
  eventStrategy,
  nodeStrategy,
} from './simple.ts';

export const STRATEGIES: Record<string, Strategy> = {
  services: serviceStrategy,
  pods: podStrategy,
  deployments: deploymentStrategy,
  replicasets: replicaSetStrategy,
  statefulsets: statefulSetStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  endpoints: endpointsStrategy,
  endpointslices: endpointSliceStrategy,
  events: eventStrategy,
  configmaps: configMapStrategy,
};
