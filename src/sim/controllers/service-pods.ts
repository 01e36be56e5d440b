/**
 * What the Endpoints and EndpointSlice controllers share: which services select a pod, the pods
 * a service selects, and the port a service port reaches on one pod (podutil.FindPort: a number
 * as is, a name looked up among the pod's container ports).
 */
import type { Service, ServicePort, Typed } from '../api/types.ts';
import type { Change, Informer } from './informer.ts';
import { matchesMap } from '../api/labels/selector.ts';
import { keyOf, type StoredPod } from './objects.ts';
import { WorkQueue } from './work-queue.ts';

export type StoredService = Typed<Service>;

/** Services with a selector manage their endpoints; the rest are left to whoever fills them. */
export function hasSelector(service: StoredService): boolean {
  return Object.keys(service.spec?.selector ?? {}).length > 0;
}

/** endpointutil.ShouldSetHostname: the pod names a hostname and this Service as its subdomain. */
export function shouldSetHostname(pod: StoredPod, service: StoredService): boolean {
  return (
    Boolean(pod.spec?.hostname) &&
    pod.spec?.subdomain === service.metadata.name &&
    pod.metadata.namespace === service.metadata.namespace
  );
}

/** Keys of the services in the pod's namespace whose selector matches any of the given label sets. */
export function servicesSelecting(
  informer: Informer,
  namespace: string,
  labelSets: readonly (Record<string, string> | undefined)[],
): string[] {
  const keys: string[] = [];
  for (const object of informer.all('services')) {
    const service = object as StoredService;
    if (service.metadata.namespace !== namespace || !hasSelector(service)) continue;
    if (labelSets.some((labels) => matchesMap(labels, service.spec?.selector))) keys.push(keyOf(service));
  }
  return keys;
}

/**
 * A work queue of Services whose endpoints need another look: the Service changed, one of the
 * controller's own objects for it changed (`ownedBy` names its Service's key), or a pod it
 * selects, or selected before a relabel, changed. One round a pass: their own writes only
 * touch objects they already looked at.
 */
export function serviceWorkQueue(
  informer: Informer,
  ownedBy: (change: Change) => string | undefined,
): WorkQueue {
  const queue = new WorkQueue({ rounds: 1 });
  informer.subscribe((change) => {
    if (change.resource === 'services') queue.add(keyOf(change.object));
    const owner = ownedBy(change);
    if (owner !== undefined) queue.add(owner);
    if (change.resource !== 'pods') return;
    const namespace = change.object.metadata.namespace ?? 'default';
    for (const key of servicesSelecting(informer, namespace, [
      change.object.metadata.labels,
      change.old?.metadata.labels,
    ])) {
      queue.add(key);
    }
  });
  return queue;
}

/** The service's pods, by name (terminal pods and pods without an IP never become endpoints). */
export function selectedPods(informer: Informer, service: StoredService): StoredPod[] {
  const pods: StoredPod[] = [];
  for (const key of informer.podsInNamespace(service.metadata.namespace ?? 'default')) {
    const pod = informer.pod(key);
    if (!pod || !pod.status?.podIP || !matchesMap(pod.metadata.labels, service.spec?.selector)) continue;
    if (isTerminal(pod)) continue;
    pods.push(pod);
  }
  return pods.sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
}

/** ShouldPodBeInEndpoints: finished pods that will not restart are not endpoints. */
function isTerminal(pod: StoredPod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** podutil.FindPort; undefined when a named port is not on the pod. */
export function findPort(pod: StoredPod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const container of pod.spec?.containers ?? []) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
    }
  }
  return undefined;
}
