/**
 * The namespace controller (pkg/controller/namespace): a namespace marked for deletion is
 * Terminating while everything in it is deleted (pods gracefully), with the deleter's status
 * conditions; once nothing is left the `kubernetes` finalizer is done and the namespace goes.
 */
import type { NamespaceCondition } from 'kubernetes-types/core/v1';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { RESOURCE_TYPES } from '../api/resources.ts';
import { isTerminating } from './objects.ts';
import { WorkQueue } from './work-queue.ts';

export class NamespaceController implements KeyedController {
  readonly name = 'namespace-controller';
  readonly #informer: Informer;
  readonly queue = new WorkQueue({ rounds: 1 });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource === 'namespaces') this.queue.add(change.object.metadata.name);
      else if (change.type === 'DELETED' && change.object.metadata.namespace)
        this.queue.add(change.object.metadata.namespace);
    });
  }

  sync(context: ControllerContext, name: string): void {
    const namespace = this.#informer.get('namespaces', undefined, name);
    if (namespace && isTerminating(namespace)) this.#empty(context, name);
  }

  /** Delete what the namespace holds; once nothing is left, the namespace goes. */
  #empty(context: ControllerContext, name: string): void {
    const remaining = new Map<string, number>();
    for (const type of RESOURCE_TYPES) {
      if (!type.namespaced || type.resource === 'events') continue;
      const keys =
        type.resource === 'pods'
          ? [...this.#informer.podsInNamespace(name)].map((key) => key.slice(key.indexOf('/') + 1))
          : [...this.#informer.all(type.resource)]
              .filter((o) => o.metadata.namespace === name)
              .map((o) => o.metadata.name);
      for (const objectName of keys.sort()) {
        const object = this.#informer.get(type.resource, name, objectName);
        if (!object) continue;
        if (!isTerminating(object)) context.api.delete(type.resource, name, objectName);
        if (this.#informer.get(type.resource, name, objectName)) {
          // ProcessContentTotals prints `resource.group`, so core resources read `pods.`.
          const group = `${type.resource}.${type.group}`;
          remaining.set(group, (remaining.get(group) ?? 0) + 1);
        }
      }
    }
    if (remaining.size === 0) {
      for (const event of context.api.store.list('events', name))
        context.api.remove('events', name, event.metadata.name);
      // The `kubernetes` finalizer is done: the namespace goes.
      context.api.remove('namespaces', undefined, name);
      return;
    }
    const namespace = this.#informer.get('namespaces', undefined, name);
    if (!namespace) return;
    const now = context.timestamp();
    const counts = [...remaining]
      .map(([group, count]) => `${group} has ${count} resource instances`)
      .sort()
      .join(', ');
    const previous =
      (namespace['status'] as { conditions?: NamespaceCondition[] } | undefined)?.conditions ?? [];
    const make = (
      type: string,
      status: 'True' | 'False',
      reason: string,
      message: string,
    ): NamespaceCondition => {
      const before = previous.find((c) => c.type === type);
      const since = before && before.status === status ? before.lastTransitionTime : now;
      return { type, status, lastTransitionTime: since, reason, message };
    };
    const conditions = [
      make(
        'NamespaceDeletionDiscoveryFailure',
        'False',
        'ResourcesDiscovered',
        'All resources successfully discovered',
      ),
      make(
        'NamespaceDeletionGroupVersionParsingFailure',
        'False',
        'ParsedGroupVersions',
        'All legacy kube types successfully parsed',
      ),
      make(
        'NamespaceDeletionContentFailure',
        'False',
        'ContentDeleted',
        'All content successfully deleted, may be waiting on finalization',
      ),
      make(
        'NamespaceContentRemaining',
        'True',
        'SomeResourcesRemain',
        `Some resources are remaining: ${counts}`,
      ),
      make(
        'NamespaceFinalizersRemaining',
        'False',
        'ContentHasNoFinalizers',
        'All content-preserving finalizers finished',
      ),
    ];
    context.api.updateStatus('namespaces', undefined, name, { phase: 'Terminating', conditions });
  }
}
