/**
 * The service controller with a load-balancer provider (cloud-provider's servicecontroller),
 * here handing out addresses from a MetalLB-style pool on the cluster's network: a
 * `type: LoadBalancer` service gets "Ensuring load balancer", and a few seconds later an
 * ingress IP with ipMode VIP and "Ensured load balancer". A service that stops being a load
 * balancer gives its address back ("Deleting/Deleted load balancer"), as does a deleted one.
 */
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { WorkQueue } from './work-queue.ts';
import { isTerminating, keyOf, timeOf } from './objects.ts';
import type { StoredService } from './service-pods.ts';

const SOURCE = { component: 'service-controller' };
/** The pool: 192.168.49.200 – 192.168.49.250. */
const POOL_PREFIX = '192.168.49.';
const POOL_FIRST = 200;
const POOL_LAST = 250;
/** How long provisioning takes once the controller starts. */
const PROVISION_MS = 3000;

export class LoadBalancerController implements KeyedController {
  readonly name = 'service-controller';
  readonly #informer: Informer;
  readonly queue = new WorkQueue({ rounds: 1 });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource !== 'services') return;
      if (change.type === 'DELETED') this.queue.setDeadline(keyOf(change.object), undefined);
      else this.queue.add(keyOf(change.object));
    });
  }

  sync(context: ControllerContext, key: string): void {
    const service = this.#informer.getByKey('services', key) as StoredService | undefined;
    if (service) this.queue.setDeadline(key, this.#syncService(context, service));
  }

  /** Returns when the service next needs a look (its balancer is provisioned). */
  #syncService(context: ControllerContext, service: StoredService): number | undefined {
    const ingress = service.status?.loadBalancer?.ingress ?? [];
    const wantsBalancer = service.spec?.type === 'LoadBalancer' && !isTerminating(service);
    if (!wantsBalancer) {
      if (ingress.length === 0) return undefined;
      context.events.record(service, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', SOURCE);
      context.api.updateStatus('services', service.metadata.namespace, service.metadata.name, {
        ...service.status,
        loadBalancer: {},
      });
      context.events.record(service, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', SOURCE);
      return undefined;
    }
    if (ingress.length > 0) return undefined;
    const ensuring = context.events.find(
      service.metadata.uid,
      'EnsuringLoadBalancer',
      'Ensuring load balancer',
    );
    if (!ensuring) {
      context.events.record(service, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', SOURCE);
      return context.now() + PROVISION_MS;
    }
    const due = timeOf(ensuring.lastTimestamp) + PROVISION_MS;
    if (context.now() < due) return due;
    const ip = this.#freeAddress(service.spec?.loadBalancerIP);
    if (!ip) {
      const message =
        'Error syncing load balancer: failed to ensure load balancer: no available IPs in the address pool';
      context.events.record(service, 'Warning', 'SyncLoadBalancerFailed', message, SOURCE);
      return undefined;
    }
    const status = { ...service.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } };
    context.api.updateStatus('services', service.metadata.namespace, service.metadata.name, status);
    context.events.record(service, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', SOURCE);
    return undefined;
  }

  /** The requested address if it is free and in the pool, else the lowest free one. */
  #freeAddress(requested: string | undefined): string | undefined {
    const used = new Set<string>();
    for (const object of this.#informer.all('services')) {
      for (const entry of (object as StoredService).status?.loadBalancer?.ingress ?? [])
        if (entry.ip) used.add(entry.ip);
    }
    const inPool = (ip: string): boolean => {
      const last = Number(ip.slice(POOL_PREFIX.length));
      return ip.startsWith(POOL_PREFIX) && last >= POOL_FIRST && last <= POOL_LAST;
    };
    if (requested && inPool(requested)) return used.has(requested) ? undefined : requested;
    for (let last = POOL_FIRST; last <= POOL_LAST; last++) {
      const ip = `${POOL_PREFIX}${last}`;
      if (!used.has(ip)) return ip;
    }
    return undefined;
  }
}
