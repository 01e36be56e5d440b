/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods made
 * from the template, owned by the ReplicaSet, and reports how many exist, match, are ready and
 * available. Pods are created through the API server (generateName `<rs>-`, so names end in five
 * random characters) and deleted gracefully, the least useful first. A pod relabelled out of the
 * selector is released (and replaced); a matching pod without an owner is adopted.
 */
import type { KubeObject, ReplicaSet, Typed } from '../api/types.ts';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { WorkQueue } from './work-queue.ts';
import {
  controllerOf,
  controllerReference,
  isPodActive,
  isPodReady,
  isTerminating,
  keyOf,
  objectKey,
  timeOf,
  writeStatus,
  type StoredPod,
} from './objects.ts';
import { rankForDeletion } from './pod-ranking.ts';
import { matchesMap, matchesSelector } from '../api/labels/selector.ts';

type StoredReplicaSet = Typed<ReplicaSet>;

const SOURCE = { component: 'replicaset-controller' };
/** burstReplicas: the most pods one sync creates or deletes. */
const BURST_REPLICAS = 500;

export class ReplicaSetController implements KeyedController {
  readonly name = 'replicaset-controller';
  readonly #informer: Informer;
  /**
   * Until settled: created pods wake their ReplicaSet again (burstReplicas at a time). A key's
   * deadline is when a ready pod becomes available (minReadySeconds).
   */
  readonly queue = new WorkQueue({ rounds: Infinity });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource === 'replicasets') this.queue.add(keyOf(change.object));
      if (change.resource !== 'pods') return;
      for (const object of [change.object, change.old]) {
        const owner = object && controllerOf(object);
        if (object && owner?.kind === 'ReplicaSet')
          this.queue.add(objectKey(object.metadata.namespace, owner.name));
      }
      // An orphan that matches a ReplicaSet's selector is up for adoption.
      if (change.type !== 'DELETED' && !controllerOf(change.object)) {
        for (const rs of informer.all('replicasets')) {
          const selector = (rs as StoredReplicaSet).spec?.selector;
          if (
            rs.metadata.namespace === change.object.metadata.namespace &&
            matchesSelector(change.object.metadata.labels, selector)
          ) {
            this.queue.add(keyOf(rs));
          }
        }
      }
    });
  }

  sync(context: ControllerContext, key: string): void {
    const rs = this.#informer.getByKey('replicasets', key) as StoredReplicaSet | undefined;
    if (rs) this.#syncReplicaSet(context, rs);
  }

  #ownedPods(rs: StoredReplicaSet): StoredPod[] {
    const pods: StoredPod[] = [];
    for (const ref of this.#informer.dependentsOf(rs.metadata.uid ?? '')) {
      if (!ref.startsWith('pods|')) continue;
      const pod = this.#informer.pod(ref.slice(5));
      if (pod && controllerOf(pod)?.uid === rs.metadata.uid) pods.push(pod);
    }
    return pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }

  #syncReplicaSet(context: ControllerContext, rs: StoredReplicaSet): void {
    if (isTerminating(rs)) return;
    const active = this.#claimPods(context, rs).filter(isPodActive);
    const diff = active.length - (rs.spec?.replicas ?? 1);
    if (diff < 0) this.#createPods(context, rs, Math.min(-diff, BURST_REPLICAS));
    if (diff > 0) this.#deletePods(context, rs, active, Math.min(diff, BURST_REPLICAS));
    this.#updateStatus(context, rs);
  }

  /** ClaimPods (controller_ref_manager.go): release owned pods the selector no longer matches, adopt matching orphans. */
  #claimPods(context: ControllerContext, rs: StoredReplicaSet): StoredPod[] {
    const selector = rs.spec?.selector;
    const claimed: StoredPod[] = [];
    for (const pod of this.#ownedPods(rs)) {
      if (matchesSelector(pod.metadata.labels, selector)) {
        claimed.push(pod);
        continue;
      }
      const { ownerReferences: owners, ...metadata } = pod.metadata;
      const ownerReferences = (owners ?? []).filter((ref) => ref.uid !== rs.metadata.uid);
      context.api.update('pods', {
        ...pod,
        metadata: { ...metadata, ...(ownerReferences.length > 0 ? { ownerReferences } : {}) },
      });
    }
    for (const key of [...this.#informer.podsInNamespace(rs.metadata.namespace ?? 'default')].sort()) {
      const pod = this.#informer.pod(key);
      if (!pod || controllerOf(pod) || isTerminating(pod) || !matchesSelector(pod.metadata.labels, selector))
        continue;
      const ownerReferences = [...(pod.metadata.ownerReferences ?? []), controllerReference(rs)];
      claimed.push(
        context.api.update('pods', { ...pod, metadata: { ...pod.metadata, ownerReferences } })
          .object as StoredPod,
      );
    }
    return claimed;
  }

  #createPods(context: ControllerContext, rs: StoredReplicaSet, count: number): void {
    const template = rs.spec?.template ?? {};
    for (let i = 0; i < count; i++) {
      const pod: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: '',
          generateName: `${rs.metadata.name}-`,
          namespace: rs.metadata.namespace,
          ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
          ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
          ownerReferences: [controllerReference(rs)],
        },
        spec: structuredClone(template.spec ?? { containers: [] }),
      };
      const created = context.api.create('pods', pod, { fieldManager: 'kube-controller-manager' }).object;
      context.events.record(
        rs,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${created.metadata.name}`,
        SOURCE,
      );
    }
  }

  #deletePods(context: ControllerContext, rs: StoredReplicaSet, active: StoredPod[], count: number): void {
    const related = this.#relatedPods(rs);
    const onNode = new Map<string, number>();
    for (const pod of related) {
      const node = pod.spec?.nodeName;
      if (node && isPodActive(pod)) onNode.set(node, (onNode.get(node) ?? 0) + 1);
    }
    const ranked = active.map((pod) => ({
      pod,
      rank: pod.spec?.nodeName ? (onNode.get(pod.spec.nodeName) ?? 0) : 0,
    }));
    for (const pod of rankForDeletion(ranked, context.now()).slice(0, count)) {
      context.api.delete('pods', pod.metadata.namespace, pod.metadata.name);
      context.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    }
  }

  /** Pods of every ReplicaSet with the same controller (a deployment's old and new sets). */
  #relatedPods(rs: StoredReplicaSet): StoredPod[] {
    const owner = controllerOf(rs);
    if (!owner) return this.#ownedPods(rs);
    const pods: StoredPod[] = [];
    for (const ref of this.#informer.dependentsOf(owner.uid)) {
      if (!ref.startsWith('replicasets|')) continue;
      const sibling = this.#informer.getByKey('replicasets', ref.slice(12)) as StoredReplicaSet | undefined;
      if (sibling) pods.push(...this.#ownedPods(sibling));
    }
    return pods;
  }

  /** calculateStatus: counts over the active pods. */
  #updateStatus(context: ControllerContext, stale: StoredReplicaSet): void {
    const rs =
      (this.#informer.getByKey('replicasets', keyOf(stale)) as StoredReplicaSet | undefined) ?? stale;
    const owned = this.#ownedPods(rs);
    const active = owned.filter(isPodActive);
    // DeploymentReplicaSetTerminatingReplicas (beta, on in 1.35): pods being deleted, counted apart.
    const terminating = owned.filter(
      (p) => isTerminating(p) && !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''),
    ).length;
    const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
    const minReadyMs = (rs.spec?.minReadySeconds ?? 0) * 1000;
    const now = context.now();
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    let nextAvailable: number | undefined;
    for (const pod of active) {
      if (matchesMap(pod.metadata.labels, templateLabels)) fullyLabeled++;
      if (!isPodReady(pod)) continue;
      ready++;
      const readySince = timeOf(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);
      if (minReadyMs === 0 || readySince + minReadyMs <= now) available++;
      else nextAvailable = Math.min(nextAvailable ?? Infinity, readySince + minReadyMs);
    }
    this.queue.setDeadline(keyOf(rs), nextAvailable);
    const status: Record<string, unknown> = { replicas: active.length };
    if (fullyLabeled > 0) status['fullyLabeledReplicas'] = fullyLabeled;
    if (ready > 0) status['readyReplicas'] = ready;
    if (available > 0) status['availableReplicas'] = available;
    status['terminatingReplicas'] = terminating;
    status['observedGeneration'] = rs.metadata.generation ?? 1;
    const failure = rs.status?.conditions;
    if (failure && failure.length > 0) status['conditions'] = failure;
    writeStatus(context.api, 'replicasets', rs, status);
  }
}
