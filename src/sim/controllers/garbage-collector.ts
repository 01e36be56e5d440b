/**
 * The garbage collector (pkg/controller/garbagecollector) with background propagation: an object
 * whose owners are all gone is deleted — ReplicaSets after their Deployment, pods after their
 * ReplicaSet (gracefully, so they show Terminating), EndpointSlices after their Service. Owners
 * of a kind the API server does not serve (the DaemonSet of kube-proxy) cannot be looked up, and
 * the collector leaves their dependents alone, as the real one does when discovery fails.
 */
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { resourceTypeForKind } from '../api/resources.ts';
import { isTerminating, keyOf } from './objects.ts';
import { WorkQueue } from './work-queue.ts';

export class GarbageCollector implements KeyedController {
  readonly name = 'garbage-collector';
  readonly #informer: Informer;
  /** `resource|namespace/name` of objects whose owners may be gone. */
  readonly queue = new WorkQueue({ rounds: 1 });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.type === 'DELETED') {
        for (const dependent of informer.dependentsOf(change.object.metadata.uid ?? ''))
          this.queue.add(dependent);
      } else if ((change.object.metadata.ownerReferences?.length ?? 0) > 0 && change.type === 'ADDED') {
        this.queue.add(`${change.resource}|${keyOf(change.object)}`);
      }
    });
  }

  sync(context: ControllerContext, candidate: string): void {
    const bar = candidate.indexOf('|');
    const resource = candidate.slice(0, bar);
    const object = this.#informer.getByKey(resource, candidate.slice(bar + 1));
    if (!object || isTerminating(object) || !this.#ownersGone(object.metadata.ownerReferences ?? [])) return;
    context.api.delete(resource, object.metadata.namespace, object.metadata.name);
  }

  /** True when every owner is verifiably absent (its kind is served and no object has its uid). */
  #ownersGone(owners: readonly { kind: string; apiVersion: string; uid: string }[]): boolean {
    if (owners.length === 0) return false;
    return owners.every((owner) => {
      if (!resourceTypeForKind(owner.kind, owner.apiVersion)) return false;
      return this.#informer.byUid(owner.uid) === undefined;
    });
  }
}
