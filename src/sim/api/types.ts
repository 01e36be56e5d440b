/**
 * Kubernetes objects as the simulator stores them: the plain JSON of the API, typed with
 * `kubernetes-types`. Every stored object has apiVersion, kind and a metadata with name.
 */
import type { ObjectMeta as ApiObjectMeta } from 'kubernetes-types/meta/v1';

export type {
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Container,
  ContainerPort,
  Service,
  ServiceSpec,
  ServicePort,
  Endpoints,
  EndpointSubset,
  EndpointAddress,
  Event,
  ConfigMap,
} from 'kubernetes-types/core/v1';
export type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
export type { EndpointSlice } from 'kubernetes-types/discovery/v1';
export type { OwnerReference, LabelSelector } from 'kubernetes-types/meta/v1';

/** kubernetes-types marks server-set fields readonly; the simulator is the server that sets them. */
export type ObjectMeta = { -readonly [K in keyof ApiObjectMeta]: ApiObjectMeta[K] };

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
  [field: string]: unknown;
}

/** Narrow a stored object to its typed form once its kind is known. */
export type Typed<T> = T & KubeObject;
