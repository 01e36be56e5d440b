/**
 * Small readers over stored objects that several controllers share: keys, controller owner
 * references, pod readiness, as pkg/api/v1/pod and apimachinery's metav1 helpers define them.
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { KubeObject, OwnerReference, Pod, Typed } from '../api/types.ts';

export type StoredPod = Typed<Pod>;

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export function keyOf(object: KubeObject): string {
  return objectKey(object.metadata.namespace, object.metadata.name);
}

/** metav1.GetControllerOf: the owner reference with `controller: true`. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** The owner reference a controller sets on what it creates (controller and blockOwnerDeletion). */
export function controllerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isTerminating(object: KubeObject): boolean {
  return object.metadata.deletionTimestamp !== undefined && object.metadata.deletionTimestamp !== null;
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: StoredPod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: StoredPod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !isTerminating(pod);
}

/** The time an RFC 3339 timestamp stands for, in ms (0 when absent). */
export function timeOf(stamp: string | undefined | null): number {
  return stamp ? Date.parse(stamp) : 0;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Write a status only when it differs from what `current` (the informer's latest copy) holds: most
 * syncs change nothing, and the API server's own comparison would first copy the stored object.
 */
export function writeStatus(
  api: ApiServer,
  resource: string,
  current: KubeObject,
  status: unknown,
): KubeObject | undefined {
  if (JSON.stringify(current['status']) === JSON.stringify(status)) return current;
  return api.updateStatus(resource, current.metadata.namespace, current.metadata.name, status);
}
