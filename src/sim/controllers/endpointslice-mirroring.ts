/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): an Endpoints
 * object written by hand for a Service without a selector is copied into EndpointSlices, one per
 * distinct port list, labelled `endpointslice.kubernetes.io/managed-by:
 * endpointslicemirroring-controller.k8s.io` and owned by the Endpoints. Endpoints labelled
 * `endpointslice.kubernetes.io/skip-mirror: "true"` (the API server's own `kubernetes`) are left
 * alone, and so are Services with a selector: their slices come from the EndpointSlice controller.
 */
import type { EndpointAddress, EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject, Typed } from '../api/types.ts';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { controllerReference, keyOf, objectKey } from './objects.ts';
import { WorkQueue } from './work-queue.ts';
import { SERVICE_NAME_LABEL } from './endpointslices.ts';
import type { StoredService } from './service-pods.ts';

type StoredSlice = Typed<EndpointSlice>;
type Endpoint = EndpointSlice['endpoints'][number];
type Port = NonNullable<EndpointSlice['ports']>[number];

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export class EndpointSliceMirroringController implements KeyedController {
  readonly name = 'endpointslice-mirroring-controller';
  readonly #informer: Informer;
  readonly queue = new WorkQueue({ rounds: 1 });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource === 'services' || change.resource === 'endpoints')
        this.queue.add(keyOf(change.object));
      const service =
        change.resource === 'endpointslices'
          ? change.object.metadata.labels?.[SERVICE_NAME_LABEL]
          : undefined;
      if (service) this.queue.add(objectKey(change.object.metadata.namespace, service));
    });
  }

  sync(context: ControllerContext, key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const endpoints = this.#informer.getByKey('endpoints', key) as
      (Typed<Endpoints> & KubeObject) | undefined;
    const service = this.#informer.getByKey('services', key) as StoredService | undefined;
    const mirrored = this.#mirroredSlices(namespace, name);
    const mirror =
      endpoints !== undefined &&
      service !== undefined &&
      service.spec?.selector === undefined &&
      endpoints.metadata.labels?.[SKIP_MIRROR] !== 'true';
    const desired = mirror ? groupByPorts(endpoints.subsets ?? []) : new Map<string, SliceContent>();
    const unused = [...mirrored];
    for (const [portsKey, content] of desired) {
      const index = unused.findIndex((slice) => JSON.stringify(slice.ports ?? []) === portsKey);
      const existing = index >= 0 ? unused.splice(index, 1)[0] : undefined;
      this.#write(context, endpoints as Typed<Endpoints> & KubeObject, content, existing);
    }
    for (const slice of unused) context.api.delete('endpointslices', namespace, slice.metadata.name);
  }

  #mirroredSlices(namespace: string, service: string): StoredSlice[] {
    return ([...this.#informer.all('endpointslices')] as StoredSlice[]).filter(
      (slice) =>
        slice.metadata.namespace === namespace &&
        slice.metadata.labels?.[SERVICE_NAME_LABEL] === service &&
        slice.metadata.labels?.[MANAGED_BY] === CONTROLLER_NAME,
    );
  }

  #write(
    context: ControllerContext,
    endpoints: Typed<Endpoints> & KubeObject,
    content: SliceContent,
    existing: StoredSlice | undefined,
  ): void {
    // newEndpointSlice: the Endpoints' labels and annotations, then the two labels it owns.
    const labels = {
      ...(endpoints.metadata.labels ?? {}),
      [SERVICE_NAME_LABEL]: endpoints.metadata.name,
      [MANAGED_BY]: CONTROLLER_NAME,
    };
    const annotations = Object.fromEntries(
      Object.entries(endpoints.metadata.annotations ?? {}).filter(
        ([k]) => k !== TRIGGER_TIME && k !== LAST_APPLIED,
      ),
    );
    if (existing) {
      const same =
        JSON.stringify(existing.endpoints ?? []) === JSON.stringify(content.endpoints) &&
        JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels);
      if (same) return;
      context.api.store.put('endpointslices', {
        ...existing,
        metadata: { ...existing.metadata, labels, annotations },
        endpoints: content.endpoints,
        ports: content.ports,
      } as KubeObject);
      return;
    }
    const slice: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: '',
        generateName: `${endpoints.metadata.name}-`,
        namespace: endpoints.metadata.namespace,
        labels,
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
        ownerReferences: [controllerReference(endpoints)],
      },
      addressType: 'IPv4',
      endpoints: content.endpoints,
      ports: content.ports,
    };
    context.api.create('endpointslices', slice, { fieldManager: 'endpointslicemirroring-controller' });
  }
}

interface SliceContent {
  ports: Port[];
  endpoints: Endpoint[];
}

/** Subsets with the same ports share a slice; ready addresses first, as the reconciler adds them. */
function groupByPorts(subsets: EndpointSubset[]): Map<string, SliceContent> {
  const groups = new Map<string, SliceContent>();
  for (const subset of subsets) {
    const ports: Port[] = (subset.ports ?? []).map((p) => ({
      name: p.name ?? '',
      port: p.port,
      protocol: p.protocol ?? 'TCP',
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
    }));
    const key = JSON.stringify(ports);
    const group = groups.get(key) ?? { ports, endpoints: [] };
    groups.set(key, group);
    for (const address of subset.addresses ?? []) group.endpoints.push(endpointOf(address, true));
    for (const address of subset.notReadyAddresses ?? []) group.endpoints.push(endpointOf(address, false));
  }
  return groups;
}

/** addressToEndpoint: one address, its readiness, and what the Endpoints said about it. */
function endpointOf(address: EndpointAddress, ready: boolean): Endpoint {
  return {
    addresses: [address.ip],
    conditions: { ready },
    ...(address.hostname ? { hostname: address.hostname } : {}),
    ...(address.nodeName ? { nodeName: address.nodeName } : {}),
    ...(address.targetRef ? { targetRef: address.targetRef } : {}),
  };
}
