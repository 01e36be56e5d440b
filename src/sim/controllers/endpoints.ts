/**
 * The endpoints controller (pkg/controller/endpoint): for every Service with a selector, an
 * Endpoints object of the same name listing the selected pods — ready ones under `addresses`,
 * the others under `notReadyAddresses`, pods being deleted left out — grouped into subsets by
 * the ports they resolve to. Services without a selector are left alone.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.ts';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import type { WorkQueue } from './work-queue.ts';
import { isPodReady, isTerminating, keyOf, type StoredPod } from './objects.ts';
import {
  findPort,
  hasSelector,
  selectedPods,
  serviceWorkQueue,
  shouldSetHostname,
  type StoredService,
} from './service-pods.ts';
import { canonicalJson } from './pod-template-hash.ts';

const MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
const CONTROLLER_NAME = 'endpoint-controller';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const HEADLESS = 'service.kubernetes.io/headless';

export class EndpointsController implements KeyedController {
  readonly name = 'endpoint-controller';
  readonly #informer: Informer;
  readonly queue: WorkQueue;

  constructor(informer: Informer) {
    this.#informer = informer;
    this.queue = serviceWorkQueue(informer, (change) =>
      change.resource === 'endpoints' ? keyOf(change.object) : undefined,
    );
  }

  sync(context: ControllerContext, key: string): void {
    const service = this.#informer.getByKey('services', key) as StoredService | undefined;
    const existing = this.#informer.getByKey('endpoints', key);
    if (!service) {
      // The service is gone: so are its endpoints, if this controller made them.
      if (existing?.metadata.labels?.[MANAGED_BY] === CONTROLLER_NAME) {
        context.api.delete('endpoints', existing.metadata.namespace, existing.metadata.name);
      }
      return;
    }
    if (!hasSelector(service) || isTerminating(service)) return;
    const subsets = this.#subsets(service);
    const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
    if (service.spec?.clusterIP === 'None') labels[HEADLESS] = '';
    labels[MANAGED_BY] = CONTROLLER_NAME;
    // Built in a fixed key order, so plain JSON compares: this runs at every pod change.
    const same =
      existing &&
      JSON.stringify(existing['subsets'] ?? []) === JSON.stringify(subsets) &&
      JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels);
    if (same) return;
    const annotations = { ...(existing?.metadata.annotations ?? {}), [TRIGGER_TIME]: context.timestamp() };
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        ...(existing?.metadata ?? {}),
        name: service.metadata.name,
        namespace: service.metadata.namespace,
        labels,
        annotations,
      },
      ...(subsets.length > 0 ? { subsets } : {}),
    };
    // An update only replaces what this controller owns: straight to storage, as a status write is.
    if (existing) context.api.store.put('endpoints', object);
    else context.api.create('endpoints', object, { fieldManager: 'kube-controller-manager' });
  }

  /** One (address, ports) per pod, repacked into subsets that share the same ports, sorted as SortSubsets does. */
  #subsets(service: StoredService): EndpointSubset[] {
    const groups = new Map<
      string,
      { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
    >();
    const publishNotReady = service.spec?.publishNotReadyAddresses === true;
    for (const pod of selectedPods(this.#informer, service)) {
      if (isTerminating(pod) && !publishNotReady) continue;
      const ports: EndpointPort[] = [];
      for (const servicePort of service.spec?.ports ?? []) {
        const port = findPort(pod, servicePort);
        if (port === undefined) continue;
        ports.push({
          ...(servicePort.name ? { name: servicePort.name } : {}),
          port,
          protocol: servicePort.protocol ?? 'TCP',
          ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
        });
      }
      if (ports.length === 0 && (service.spec?.ports?.length ?? 0) > 0) continue;
      const groupKey = canonicalJson(ports);
      let group = groups.get(groupKey);
      if (!group) {
        group = { ports, ready: [], notReady: [] };
        groups.set(groupKey, group);
      }
      (isPodReady(pod) || publishNotReady ? group.ready : group.notReady).push(address(pod, service));
    }
    return [...groups.values()].map((group) => ({
      ...(group.ready.length > 0 ? { addresses: group.ready.sort(byIP) } : {}),
      ...(group.notReady.length > 0 ? { notReadyAddresses: group.notReady.sort(byIP) } : {}),
      ...(group.ports.length > 0 ? { ports: group.ports } : {}),
    }));
  }
}

function address(pod: StoredPod, service: StoredService): EndpointAddress {
  return {
    ip: pod.status?.podIP ?? '',
    ...(shouldSetHostname(pod, service) ? { hostname: pod.spec?.hostname } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  };
}

/** addrsByIPAndUID: the IP as a string, then the pod's uid. */
function byIP(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}
