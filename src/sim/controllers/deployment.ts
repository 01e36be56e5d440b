/**
 * The deployment controller (pkg/controller/deployment): finds or creates the ReplicaSet for the
 * current template (`<deployment>-<pod-template-hash>`), scales old and new sets within the
 * rolling-update budget (or all old ones to zero first for Recreate), scales proportionally when
 * only `replicas` changed, prunes history beyond revisionHistoryLimit, and reports status and
 * the Available/Progressing conditions with the controller's own reasons and messages.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { StatusError } from '../api/status-error.ts';
import { WorkQueue } from './work-queue.ts';
import {
  writeStatus,
  controllerOf,
  controllerReference,
  isPodActive,
  isTerminating,
  keyOf,
  objectKey,
  timeOf,
} from './objects.ts';
import { POD_TEMPLATE_HASH_LABEL, computeHash, equalIgnoreHash } from './pod-template-hash.ts';
import {
  REVISION_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  Reasons,
  condition,
  copyAnnotations,
  getCondition,
  maxSurge,
  maxUnavailable,
  progressDeadline,
  removeCondition,
  replicasOf,
  revisionOf,
  setCondition,
  setReplicasAnnotations,
  type StoredDeployment,
  type StoredReplicaSet,
} from './deployment-util.ts';

const SOURCE = { component: 'deployment-controller' };

export class DeploymentController implements KeyedController {
  readonly name = 'deployment-controller';
  readonly #informer: Informer;
  /** Until settled: scaling a ReplicaSet wakes its deployment again, which then writes status. */
  readonly queue = new WorkQueue({ rounds: Infinity });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource === 'deployments') this.queue.add(keyOf(change.object));
      if (change.resource === 'replicasets' || change.resource === 'pods') {
        for (const object of [change.object, change.old]) {
          const owner = object && controllerOf(object);
          if (!owner) continue;
          if (owner.kind === 'Deployment') this.queue.add(objectKey(object.metadata.namespace, owner.name));
          // Recreate waits for old pods to be gone: pods wake their ReplicaSet's deployment.
          if (owner.kind === 'ReplicaSet' && change.type === 'DELETED') {
            const rs = informer.get('replicasets', object.metadata.namespace, owner.name);
            const deployment = rs && controllerOf(rs);
            if (deployment?.kind === 'Deployment')
              this.queue.add(objectKey(object.metadata.namespace, deployment.name));
          }
        }
      }
    });
  }

  sync(context: ControllerContext, key: string): void {
    const d = this.#informer.getByKey('deployments', key) as StoredDeployment | undefined;
    if (d) this.#syncDeployment(context, d);
  }

  #replicaSets(d: StoredDeployment): StoredReplicaSet[] {
    const sets: StoredReplicaSet[] = [];
    for (const ref of this.#informer.dependentsOf(d.metadata.uid ?? '')) {
      if (!ref.startsWith('replicasets|')) continue;
      const rs = this.#informer.getByKey('replicasets', ref.slice(12)) as StoredReplicaSet | undefined;
      if (rs && controllerOf(rs)?.uid === d.metadata.uid) sets.push(rs);
    }
    return sets.sort(byCreation);
  }

  #syncDeployment(context: ControllerContext, d: StoredDeployment): void {
    if (isTerminating(d)) return;
    const key = keyOf(d);
    if (d.spec?.paused || this.#isScalingEvent(d)) {
      const { newRS, oldRSs } = this.#syncRevision(context, d, false);
      this.#scale(context, d, newRS, oldRSs);
      this.#writeStatus(context, key, false);
    } else if (d.spec?.strategy?.type === 'Recreate') {
      this.#rolloutRecreate(context, d);
    } else {
      this.#rolloutRolling(context, d);
    }
    const latest = this.#informer.getByKey('deployments', key) as StoredDeployment | undefined;
    this.queue.setDeadline(key, latest && progressDeadline(latest));
  }

  /** isScalingEvent: an active ReplicaSet was sized for a different `replicas`. */
  #isScalingEvent(d: StoredDeployment): boolean {
    for (const rs of this.#replicaSets(d)) {
      if ((rs.spec?.replicas ?? 0) === 0) continue;
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
      if (desired !== undefined && Number(desired) !== replicasOf(d)) return true;
    }
    return false;
  }

  /** getAllReplicaSetsAndSyncRevision: the new set (created if asked) and the old ones, revisions kept in step. */
  #syncRevision(
    context: ControllerContext,
    d: StoredDeployment,
    create: boolean,
  ): { newRS: StoredReplicaSet | undefined; oldRSs: StoredReplicaSet[] } {
    const all = this.#replicaSets(d);
    const newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const oldRSs = all.filter((rs) => rs !== newRS);
    const newRevision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1);
    let current = newRS;
    if (newRS) {
      const annotations = { ...(newRS.metadata.annotations ?? {}) };
      let changed = copyAnnotations(d, annotations);
      if (revisionOf(newRS) < Number(newRevision)) {
        annotations[REVISION_ANNOTATION] = newRevision;
        changed = true;
      }
      if (changed)
        current = this.#updateReplicaSet(context, { ...newRS, metadata: { ...newRS.metadata, annotations } });
      if (!getCondition(d.status?.conditions ?? [], 'Progressing')) {
        const message = `Found new replica set "${newRS.metadata.name}"`;
        this.#setConditions(context, d, (c) =>
          setCondition(
            c,
            condition('Progressing', 'True', Reasons.foundNewReplicaSet, message, context.timestamp()),
          ),
        );
      }
    } else if (create) {
      current = this.#createReplicaSet(context, d, newRevision, oldRSs);
    }
    const revision = current
      ? (current.metadata.annotations?.[REVISION_ANNOTATION] ?? newRevision)
      : undefined;
    const fresh = this.#informer.getByKey('deployments', keyOf(d)) as StoredDeployment;
    if (revision && fresh.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
      const annotations = { ...(fresh.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
      context.api.update('deployments', { ...fresh, metadata: { ...fresh.metadata, annotations } });
    }
    return { newRS: current, oldRSs };
  }

  #createReplicaSet(
    context: ControllerContext,
    d: StoredDeployment,
    revision: string,
    oldRSs: StoredReplicaSet[],
  ): StoredReplicaSet | undefined {
    for (let attempt = 0; attempt < 10; attempt++) {
      const collisionCount = d.status?.collisionCount;
      const hash = computeHash(d.spec?.template, collisionCount);
      const template = structuredClone(d.spec?.template ?? {});
      template.metadata = {
        ...template.metadata,
        labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash },
      };
      const selector = structuredClone(d.spec?.selector ?? {});
      selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
      const annotations: Record<string, string> = {};
      copyAnnotations(d, annotations);
      annotations[REVISION_ANNOTATION] = revision;
      setReplicasAnnotations(annotations, replicasOf(d), replicasOf(d) + maxSurge(d));
      const desired =
        d.spec?.strategy?.type === 'Recreate' ? replicasOf(d) : newReplicasForRolling(d, oldRSs, undefined);
      const name = `${d.metadata.name}-${hash}`;
      const rs = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: d.metadata.namespace,
          labels: { ...template.metadata.labels },
          annotations,
          ownerReferences: [controllerReference(d)],
        },
        spec: {
          replicas: desired,
          ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
          selector,
          template,
        },
      };
      try {
        const created = context.api.create('replicasets', rs, { fieldManager: 'kube-controller-manager' })
          .object as StoredReplicaSet;
        if (desired > 0) {
          context.events.record(
            d,
            'Normal',
            'ScalingReplicaSet',
            `Scaled up replica set ${name} from 0 to ${desired}`,
            SOURCE,
          );
        }
        const message = `Created new replica set "${name}"`;
        this.#setConditions(context, d, (c) =>
          setCondition(
            c,
            condition('Progressing', 'True', Reasons.newReplicaSetCreated, message, context.timestamp()),
          ),
        );
        return created;
      } catch (error) {
        if (!(error instanceof StatusError) || error.status.reason !== 'AlreadyExists') throw error;
        const existing = this.#informer.get('replicasets', d.metadata.namespace, name) as
          StoredReplicaSet | undefined;
        if (
          existing &&
          controllerOf(existing)?.uid === d.metadata.uid &&
          equalIgnoreHash(existing.spec?.template, d.spec?.template)
        ) {
          return existing;
        }
        // A hash collision: count it and try the next hash, as the controller does.
        const status = { ...(d.status ?? {}), collisionCount: (collisionCount ?? 0) + 1 };
        d = context.api.updateStatus(
          'deployments',
          d.metadata.namespace,
          d.metadata.name,
          status,
        ) as StoredDeployment;
      }
    }
    return undefined;
  }

  #updateReplicaSet(context: ControllerContext, rs: StoredReplicaSet): StoredReplicaSet {
    return context.api.update('replicasets', rs, { fieldManager: 'kube-controller-manager' })
      .object as StoredReplicaSet;
  }

  /** scaleReplicaSetAndRecordEvent. */
  #scaleReplicaSet(
    context: ControllerContext,
    rs: StoredReplicaSet,
    to: number,
    d: StoredDeployment,
  ): StoredReplicaSet {
    const from = rs.spec?.replicas ?? 0;
    const annotations = { ...(rs.metadata.annotations ?? {}) };
    const annotationsChanged = setReplicasAnnotations(
      annotations,
      replicasOf(d),
      replicasOf(d) + maxSurge(d),
    );
    if (from === to && !annotationsChanged) return rs;
    const updated = this.#updateReplicaSet(context, {
      ...rs,
      metadata: { ...rs.metadata, annotations },
      spec: { ...rs.spec, replicas: to } as StoredReplicaSet['spec'],
    });
    if (from !== to) {
      const direction = to > from ? 'up' : 'down';
      const message = `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${to}`;
      context.events.record(d, 'Normal', 'ScalingReplicaSet', message, SOURCE);
    }
    return updated;
  }

  /** scale(): one active set takes all; otherwise old sets drain or sizes change in proportion. */
  #scale(
    context: ControllerContext,
    d: StoredDeployment,
    newRS: StoredReplicaSet | undefined,
    oldRSs: StoredReplicaSet[],
  ): void {
    const all = [...oldRSs, ...(newRS ? [newRS] : [])];
    const active = all.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    const target = replicasOf(d);
    if (active.length <= 1) {
      const only = active[0] ?? newRS ?? [...oldRSs].sort(byCreation).at(-1);
      if (only) this.#scaleReplicaSet(context, only, target, d);
      return;
    }
    if (newRS && (newRS.spec?.replicas ?? 0) === target && (newRS.status?.availableReplicas ?? 0) >= target) {
      for (const rs of oldRSs) if ((rs.spec?.replicas ?? 0) > 0) this.#scaleReplicaSet(context, rs, 0, d);
      return;
    }
    // Proportional scaling: spread the change over the active sets by their size.
    const allowed = target + maxSurge(d);
    const current = active.reduce((sum, rs) => sum + (rs.spec?.replicas ?? 0), 0);
    const toAdd = allowed - current;
    if (toAdd === 0) return;
    const ordered = [...active].sort((a, b) => {
      const size = (b.spec?.replicas ?? 0) - (a.spec?.replicas ?? 0);
      if (size !== 0) return size;
      return toAdd > 0 ? -byCreation(a, b) : byCreation(a, b);
    });
    let added = 0;
    const sizes = new Map<StoredReplicaSet, number>();
    for (const rs of ordered) {
      const size = rs.spec?.replicas ?? 0;
      const share = Math.trunc((size * toAdd) / current);
      const bounded = toAdd > 0 ? Math.min(share, toAdd - added) : Math.max(share, toAdd - added);
      sizes.set(rs, size + bounded);
      added += bounded;
    }
    const first = ordered[0] as StoredReplicaSet;
    sizes.set(first, Math.max(0, (sizes.get(first) ?? 0) + (toAdd - added)));
    for (const rs of ordered) this.#scaleReplicaSet(context, rs, sizes.get(rs) ?? 0, d);
  }

  #rolloutRolling(context: ControllerContext, d: StoredDeployment): void {
    let { newRS, oldRSs } = this.#syncRevision(context, d, true);
    if (newRS) {
      const wanted = newReplicasForRolling(d, oldRSs, newRS);
      if (wanted !== (newRS.spec?.replicas ?? 0)) {
        this.#scaleReplicaSet(context, newRS, wanted, d);
        this.#writeStatus(context, keyOf(d), true);
        return;
      }
    }
    if (this.#reconcileOldReplicaSets(context, d, oldRSs, newRS)) {
      this.#writeStatus(context, keyOf(d), true);
      return;
    }
    ({ newRS, oldRSs } = this.#current(d));
    if (isComplete(d, this.#calculateStatus(d))) this.#cleanup(context, d, oldRSs);
    this.#writeStatus(context, keyOf(d), true);
  }

  /** reconcileOldReplicaSets: scale old sets down as far as maxUnavailable allows, unhealthy ones first. */
  #reconcileOldReplicaSets(
    context: ControllerContext,
    d: StoredDeployment,
    oldRSs: StoredReplicaSet[],
    newRS: StoredReplicaSet | undefined,
  ): boolean {
    const oldCount = sum(oldRSs, (rs) => rs.spec?.replicas ?? 0);
    if (oldCount === 0) return false;
    const all = [...oldRSs, ...(newRS ? [newRS] : [])];
    const allCount = sum(all, (rs) => rs.spec?.replicas ?? 0);
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = newRS ? (newRS.spec?.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0) : 0;
    const maxScaledDown = allCount - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    let changed = false;
    // cleanupUnhealthyReplicas: unavailable old pods go first; they hold up nothing.
    let cleaned = 0;
    const sets = [...oldRSs].sort(byCreation);
    for (let i = 0; i < sets.length && cleaned < maxScaledDown; i++) {
      const rs = sets[i] as StoredReplicaSet;
      const replicas = rs.spec?.replicas ?? 0;
      const unhealthy = replicas - (rs.status?.availableReplicas ?? 0);
      if (replicas === 0 || unhealthy <= 0) continue;
      const down = Math.min(maxScaledDown - cleaned, unhealthy);
      sets[i] = this.#scaleReplicaSet(context, rs, replicas - down, d);
      cleaned += down;
      changed = true;
    }
    // scaleDownOldReplicaSetsForRollingUpdate: then available ones, down to minAvailable.
    const available = sum([...sets, ...(newRS ? [newRS] : [])], (rs) => rs.status?.availableReplicas ?? 0);
    let toScaleDown = available - minAvailable;
    for (let i = 0; i < sets.length && toScaleDown > 0; i++) {
      const rs = sets[i] as StoredReplicaSet;
      const replicas = rs.spec?.replicas ?? 0;
      if (replicas === 0) continue;
      const down = Math.min(replicas, toScaleDown);
      this.#scaleReplicaSet(context, rs, replicas - down, d);
      toScaleDown -= down;
      changed = true;
    }
    return changed;
  }

  #rolloutRecreate(context: ControllerContext, d: StoredDeployment): void {
    let { newRS, oldRSs } = this.#syncRevision(context, d, false);
    let scaledDown = false;
    for (const rs of oldRSs) {
      if ((rs.spec?.replicas ?? 0) === 0) continue;
      this.#scaleReplicaSet(context, rs, 0, d);
      scaledDown = true;
    }
    if (scaledDown || this.#oldPodsRunning(oldRSs)) {
      this.#writeStatus(context, keyOf(d), true);
      return;
    }
    if (!newRS) ({ newRS, oldRSs } = this.#syncRevision(context, d, true));
    if (newRS && (newRS.spec?.replicas ?? 0) !== replicasOf(d))
      this.#scaleReplicaSet(context, newRS, replicasOf(d), d);
    ({ newRS, oldRSs } = this.#current(d));
    if (isComplete(d, this.#calculateStatus(d))) this.#cleanup(context, d, oldRSs);
    this.#writeStatus(context, keyOf(d), true);
  }

  #oldPodsRunning(oldRSs: StoredReplicaSet[]): boolean {
    for (const rs of oldRSs) {
      for (const ref of this.#informer.dependentsOf(rs.metadata.uid ?? '')) {
        const pod = ref.startsWith('pods|') ? this.#informer.pod(ref.slice(5)) : undefined;
        if (pod && (isPodActive(pod) || isTerminating(pod))) return true;
      }
    }
    return false;
  }

  #current(d: StoredDeployment): { newRS: StoredReplicaSet | undefined; oldRSs: StoredReplicaSet[] } {
    const all = this.#replicaSets(d);
    const newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    return { newRS, oldRSs: all.filter((rs) => rs !== newRS) };
  }

  /** cleanupDeployment: drop drained old sets beyond revisionHistoryLimit, oldest revision first. */
  #cleanup(context: ControllerContext, d: StoredDeployment, oldRSs: StoredReplicaSet[]): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const drained = oldRSs.filter(
      (rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0 && !isTerminating(rs),
    );
    if (drained.length <= limit) return;
    drained.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of drained.slice(0, drained.length - limit)) {
      context.api.delete('replicasets', rs.metadata.namespace, rs.metadata.name);
    }
  }

  /** calculateStatus over the deployment's ReplicaSets. */
  #calculateStatus(d: StoredDeployment): DeploymentStatus {
    const { newRS } = this.#current(d);
    const all = this.#replicaSets(d);
    const replicas = sum(all, (rs) => rs.status?.replicas ?? 0);
    const available = sum(all, (rs) => rs.status?.availableReplicas ?? 0);
    const wanted = sum(all, (rs) => rs.spec?.replicas ?? 0);
    const status: DeploymentStatus = { observedGeneration: d.metadata.generation ?? 1 };
    const counts: [keyof DeploymentStatus, number][] = [
      ['replicas', replicas],
      ['updatedReplicas', newRS?.status?.replicas ?? 0],
      ['readyReplicas', sum(all, (rs) => rs.status?.readyReplicas ?? 0)],
      ['availableReplicas', available],
      ['unavailableReplicas', Math.max(0, wanted - available)],
    ];
    for (const [field, value] of counts) if (value > 0) (status as Record<string, number>)[field] = value;
    // GetTerminatingReplicaCountForReplicaSets: the sum, present once any ReplicaSet reports it.
    const terminating = all.map(
      (rs) => (rs.status as { terminatingReplicas?: number } | undefined)?.terminatingReplicas,
    );
    if (terminating.some((n) => n !== undefined)) {
      (status as Record<string, number>)['terminatingReplicas'] = sum(terminating, (n) => n ?? 0);
    }
    return status;
  }

  /** syncRolloutStatus (rollout) or syncDeploymentStatus (scaling): status and conditions in one write. */
  #writeStatus(context: ControllerContext, key: string, rollout: boolean): void {
    const d = this.#informer.getByKey('deployments', key) as StoredDeployment | undefined;
    if (!d) return;
    const now = context.timestamp();
    const next = this.#calculateStatus(d);
    let conditions = [...(d.status?.conditions ?? [])];
    if (sum([next], (s) => s.availableReplicas ?? 0) >= replicasOf(d) - maxUnavailable(d)) {
      conditions = setCondition(
        conditions,
        condition(
          'Available',
          'True',
          Reasons.minimumReplicasAvailable,
          'Deployment has minimum availability.',
          now,
        ),
      );
    } else {
      conditions = setCondition(
        conditions,
        condition(
          'Available',
          'False',
          Reasons.minimumReplicasUnavailable,
          'Deployment does not have minimum availability.',
          now,
        ),
      );
    }
    if (rollout) conditions = this.#progress(d, next, conditions, now);
    const status: DeploymentStatus = { ...next, conditions };
    if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
    writeStatus(context.api, 'deployments', d, reorder(status));
  }

  /** The Progressing condition, as syncRolloutStatus moves it. */
  #progress(
    d: StoredDeployment,
    next: DeploymentStatus,
    conditions: DeploymentStatus['conditions'] & object,
    now: string,
  ) {
    const current = getCondition(conditions, 'Progressing');
    const { newRS } = this.#current(d);
    const complete =
      next.replicas === next.updatedReplicas && current?.reason === Reasons.newReplicaSetAvailable;
    if (complete) return conditions;
    const name = newRS?.metadata.name;
    if (isComplete(d, next)) {
      const message = name
        ? `ReplicaSet "${name}" has successfully progressed.`
        : `Deployment "${d.metadata.name}" has successfully progressed.`;
      return setCondition(
        conditions,
        condition('Progressing', 'True', Reasons.newReplicaSetAvailable, message, now),
      );
    }
    if (isProgressing(d, next)) {
      const message = name
        ? `ReplicaSet "${name}" is progressing.`
        : `Deployment "${d.metadata.name}" is progressing.`;
      const updated = condition('Progressing', 'True', Reasons.replicaSetUpdated, message, now);
      if (current?.status === 'True') updated.lastTransitionTime = current.lastTransitionTime;
      return [...removeCondition(conditions, 'Progressing'), updated];
    }
    const deadline = progressDeadline(d);
    if (deadline !== undefined && deadline <= timeOf(now)) {
      const message = name
        ? `ReplicaSet "${name}" has timed out progressing.`
        : `Deployment "${d.metadata.name}" has timed out progressing.`;
      return setCondition(conditions, condition('Progressing', 'False', Reasons.timedOut, message, now));
    }
    return conditions;
  }

  #setConditions(
    context: ControllerContext,
    d: StoredDeployment,
    change: (
      conditions: NonNullable<DeploymentStatus['conditions']>,
    ) => NonNullable<DeploymentStatus['conditions']>,
  ): void {
    const fresh = (this.#informer.getByKey('deployments', keyOf(d)) as StoredDeployment | undefined) ?? d;
    const conditions = change([...(fresh.status?.conditions ?? [])]);
    writeStatus(context.api, 'deployments', fresh, { ...fresh.status, conditions });
  }
}

/** NewRSNewReplicas for RollingUpdate: grow the new set up to replicas + maxSurge pods in all. */
function newReplicasForRolling(
  d: StoredDeployment,
  oldRSs: StoredReplicaSet[],
  newRS: StoredReplicaSet | undefined,
): number {
  const desired = replicasOf(d);
  const newReplicas = newRS?.spec?.replicas ?? 0;
  if (newReplicas >= desired) return desired;
  const current = sum([...oldRSs, ...(newRS ? [newRS] : [])], (rs) => rs.spec?.replicas ?? 0);
  const maxTotal = desired + maxSurge(d);
  if (current >= maxTotal) return newReplicas;
  return newReplicas + Math.min(maxTotal - current, desired - newReplicas);
}

/** DeploymentComplete. */
function isComplete(d: StoredDeployment, status: DeploymentStatus): boolean {
  const desired = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === desired &&
    (status.replicas ?? 0) === desired &&
    (status.availableReplicas ?? 0) === desired &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones. */
function isProgressing(d: StoredDeployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentStatus fields in the API's order. */
function reorder(status: DeploymentStatus): DeploymentStatus {
  const order: (keyof DeploymentStatus)[] = [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
    'terminatingReplicas' as keyof DeploymentStatus,
    'conditions',
    'collisionCount',
  ];
  const out: Record<string, unknown> = {};
  for (const field of order) if (status[field] !== undefined) out[field] = status[field];
  return out as DeploymentStatus;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function byCreation(a: StoredReplicaSet, b: StoredReplicaSet): number {
  const diff = timeOf(a.metadata.creationTimestamp) - timeOf(b.metadata.creationTimestamp);
  if (diff !== 0) return diff;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
