/**
 * The EndpointSlice controller (pkg/controller/endpointslice): every Service with a selector gets
 * slices named `<service>-<5 random>` holding its pods as endpoints with ready/serving/terminating
 * conditions, at most 100 to a slice, one set of slices per distinct port list. Like the real
 * reconciler it keeps endpoints in the slice they are in and fills slices with room before
 * creating new ones; a service with no endpoints keeps one empty placeholder slice.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject, Typed } from '../api/types.ts';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import type { WorkQueue } from './work-queue.ts';
import { controllerReference, isPodReady, isTerminating, objectKey, type StoredPod } from './objects.ts';
import {
  findPort,
  hasSelector,
  selectedPods,
  serviceWorkQueue,
  shouldSetHostname,
  type StoredService,
} from './service-pods.ts';

type StoredSlice = Typed<EndpointSlice>;
type Endpoint = EndpointSlice['endpoints'][number];
type Port = NonNullable<EndpointSlice['ports']>[number];
interface SliceContent {
  endpoints: Endpoint[] | null;
  ports: Port[] | null;
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const HEADLESS = 'service.kubernetes.io/headless';
/** --max-endpoints-per-slice default. */
const MAX_ENDPOINTS_PER_SLICE = 100;

export class EndpointSliceController implements KeyedController {
  readonly name = 'endpointslice-controller';
  readonly #informer: Informer;
  readonly queue: WorkQueue;

  constructor(informer: Informer) {
    this.#informer = informer;
    this.queue = serviceWorkQueue(informer, (change) => {
      const service =
        change.resource === 'endpointslices'
          ? change.object.metadata.labels?.[SERVICE_NAME_LABEL]
          : undefined;
      return service ? objectKey(change.object.metadata.namespace, service) : undefined;
    });
  }

  #slicesOf(namespace: string, service: string): StoredSlice[] {
    const slices: StoredSlice[] = [];
    for (const object of this.#informer.all('endpointslices')) {
      const labels = object.metadata.labels ?? {};
      if (
        object.metadata.namespace === namespace &&
        labels[SERVICE_NAME_LABEL] === service &&
        labels[MANAGED_BY] === CONTROLLER_NAME
      ) {
        slices.push(object as StoredSlice);
      }
    }
    return slices.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }

  sync(context: ControllerContext, key: string): void {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const service = this.#informer.getByKey('services', key) as StoredService | undefined;
    const existing = this.#slicesOf(namespace, name);
    if (!service || !hasSelector(service) || isTerminating(service)) {
      // Without a selector the slices are someone else's business; the controller's own go.
      for (const slice of existing) context.api.delete('endpointslices', namespace, slice.metadata.name);
      return;
    }
    const desired = this.#desired(service);
    const labels = sliceLabels(service);
    const now = context.timestamp();
    const writes = new Map<StoredSlice, { endpoints: Endpoint[]; ports: Port[] }>();
    const keep = new Set<StoredSlice>();
    // Endpoints stay in the slice that already holds them, with their conditions refreshed.
    for (const slice of existing) {
      const group = desired.get(JSON.stringify(slice.ports ?? []));
      if (!group) continue;
      const endpoints: Endpoint[] = [];
      for (const endpoint of slice.endpoints ?? []) {
        const uid = endpoint.targetRef?.uid ?? '';
        const fresh = group.endpoints.get(uid);
        if (!fresh) continue;
        endpoints.push(fresh);
        group.endpoints.delete(uid);
      }
      writes.set(slice, { endpoints, ports: group.ports });
    }
    // New endpoints fill slices with room, then new slices.
    const toCreate: SliceContent[] = [];
    for (const [portsKey, group] of desired) {
      const pending = [...group.endpoints.values()];
      for (const [slice, content] of writes) {
        if (JSON.stringify(content.ports) !== portsKey) continue;
        while (pending.length > 0 && content.endpoints.length < MAX_ENDPOINTS_PER_SLICE)
          content.endpoints.push(pending.shift() as Endpoint);
        if (content.endpoints.length > 0) keep.add(slice);
      }
      while (pending.length > 0)
        toCreate.push({ endpoints: pending.splice(0, MAX_ENDPOINTS_PER_SLICE), ports: group.ports });
    }
    for (const [slice, content] of writes) if (content.endpoints.length > 0) keep.add(slice);
    const toUpdate: [StoredSlice, SliceContent][] = [];
    const toDelete: StoredSlice[] = [];
    for (const slice of existing) {
      const content = writes.get(slice);
      if (keep.has(slice) && content) toUpdate.push([slice, content]);
      else toDelete.push(slice);
    }
    // When no slice would otherwise exist, a placeholder; one already there is left alone.
    if (existing.length === toDelete.length && toCreate.length === 0) {
      const only = toDelete[0];
      if (toDelete.length === 1 && only && isPlaceholder(only, labels)) toDelete.length = 0;
      else toCreate.push({ endpoints: null, ports: null });
    }
    // finalize: a slice to create takes the place (and name) of a slice that would be deleted.
    while (toCreate.length > 0 && toDelete.length > 0)
      toUpdate.push([toDelete.shift() as StoredSlice, toCreate.pop() as SliceContent]);
    for (const content of toCreate)
      this.#create(context, service, labels, content.endpoints, content.ports, now);
    for (const [slice, content] of toUpdate)
      this.#update(context, slice, labels, content.endpoints, content.ports, now);
    for (const slice of toDelete) context.api.delete('endpointslices', namespace, slice.metadata.name);
  }

  /** Endpoints by pod uid, grouped by the ports they resolve to. */
  #desired(service: StoredService): Map<string, { ports: Port[]; endpoints: Map<string, Endpoint> }> {
    const groups = new Map<string, { ports: Port[]; endpoints: Map<string, Endpoint> }>();
    const publishNotReady = service.spec?.publishNotReadyAddresses === true;
    for (const pod of selectedPods(this.#informer, service)) {
      const ports: Port[] = [];
      for (const servicePort of service.spec?.ports ?? []) {
        const port = findPort(pod, servicePort);
        if (port === undefined) continue;
        ports.push({
          name: servicePort.name ?? '',
          port,
          protocol: servicePort.protocol ?? 'TCP',
          ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
        });
      }
      const portsKey = JSON.stringify(ports);
      let group = groups.get(portsKey);
      if (!group) {
        group = { ports, endpoints: new Map() };
        groups.set(portsKey, group);
      }
      group.endpoints.set(pod.metadata.uid ?? '', endpoint(pod, service, publishNotReady));
    }
    return groups;
  }

  #create(
    context: ControllerContext,
    service: StoredService,
    labels: Record<string, string>,
    endpoints: Endpoint[] | null,
    ports: Port[] | null,
    now: string,
  ): void {
    const slice: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: '',
        generateName: `${service.metadata.name}-`,
        namespace: service.metadata.namespace,
        labels,
        annotations: { [TRIGGER_TIME]: now },
        ownerReferences: [controllerReference(service)],
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    context.api.create('endpointslices', slice, { fieldManager: 'endpointslice-controller' });
  }

  #update(
    context: ControllerContext,
    slice: StoredSlice,
    labels: Record<string, string>,
    endpoints: Endpoint[] | null,
    ports: Port[] | null,
    now: string,
  ): void {
    // Endpoints are built in a fixed key order, so plain JSON compares: this runs at every pod change.
    const unchanged =
      JSON.stringify(slice.endpoints ?? null) === JSON.stringify(endpoints) &&
      JSON.stringify(slice.ports ?? null) === JSON.stringify(ports) &&
      JSON.stringify(slice.metadata.labels ?? {}) === JSON.stringify(labels);
    if (unchanged) return;
    const annotations = { ...(slice.metadata.annotations ?? {}), [TRIGGER_TIME]: now };
    const updated = {
      ...slice,
      metadata: { ...slice.metadata, labels, annotations },
      endpoints,
      ports,
    } as KubeObject;
    context.api.store.put('endpointslices', updated);
  }
}

/** placeholderSliceCompare: no endpoints, no ports, the service's labels. */
function isPlaceholder(slice: StoredSlice, labels: Record<string, string>): boolean {
  return (
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0 &&
    JSON.stringify(slice.metadata.labels ?? {}) === JSON.stringify(labels)
  );
}

function sliceLabels(service: StoredService): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) {
    if (key !== SERVICE_NAME_LABEL && key !== MANAGED_BY && key !== HEADLESS) labels[key] = value;
  }
  if (service.spec?.clusterIP === 'None') labels[HEADLESS] = '';
  labels[SERVICE_NAME_LABEL] = service.metadata.name;
  labels[MANAGED_BY] = CONTROLLER_NAME;
  return labels;
}

/**
 * podToEndpoint: serving follows the Ready condition; ready also needs the pod not to be
 * terminating. A pod whose subdomain names this Service gets its hostname (ShouldSetHostname).
 */
function endpoint(pod: StoredPod, service: StoredService, publishNotReady: boolean): Endpoint {
  const terminating = isTerminating(pod);
  const serving = isPodReady(pod);
  return {
    addresses: [pod.status?.podIP ?? ''],
    conditions: { ready: publishNotReady || (serving && !terminating), serving, terminating },
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
