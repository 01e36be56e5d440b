/**
 * The deployment controller's ReplicaSet bookkeeping (sync.go): which sets a deployment owns and
 * which is new, revisions kept in step, the new set created (with hash-collision retries),
 * scaling with its events, proportional scaling when only `replicas` changed, and history pruned
 * beyond revisionHistoryLimit.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { ControllerContext } from './controller.ts';
import type { Informer } from './informer.ts';
import { StatusError } from '../api/status-error.ts';
import { controllerOf, controllerReference, isTerminating, keyOf, writeStatus } from './objects.ts';
import { POD_TEMPLATE_HASH_LABEL, computeHash, equalIgnoreHash } from './pod-template-hash.ts';
import {
  REVISION_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  Reasons,
  byCreation,
  condition,
  copyAnnotations,
  getCondition,
  maxSurge,
  newReplicasForRolling,
  replicasOf,
  revisionOf,
  setCondition,
  setReplicasAnnotations,
  type StoredDeployment,
  type StoredReplicaSet,
} from './deployment-util.ts';

const SOURCE = { component: 'deployment-controller' };

/** What a deployment sync works with: the manager's context and the shared informer. */
export interface DeploymentContext extends ControllerContext {
  readonly informer: Informer;
}

/** The ReplicaSets the deployment controls, oldest first. */
export function replicaSets(context: DeploymentContext, d: StoredDeployment): StoredReplicaSet[] {
  const sets: StoredReplicaSet[] = [];
  for (const ref of context.informer.dependentsOf(d.metadata.uid ?? '')) {
    if (!ref.startsWith('replicasets|')) continue;
    const rs = context.informer.getByKey('replicasets', ref.slice(12)) as StoredReplicaSet | undefined;
    if (rs && controllerOf(rs)?.uid === d.metadata.uid) sets.push(rs);
  }
  return sets.sort(byCreation);
}

/** The set whose template is the deployment's (if any) and the others, as they stand. */
export function newAndOldSets(
  context: DeploymentContext,
  d: StoredDeployment,
): { newRS: StoredReplicaSet | undefined; oldRSs: StoredReplicaSet[] } {
  const all = replicaSets(context, d);
  const newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { newRS, oldRSs: all.filter((rs) => rs !== newRS) };
}

/** isScalingEvent: an active ReplicaSet was sized for a different `replicas`. */
export function isScalingEvent(context: DeploymentContext, d: StoredDeployment): boolean {
  for (const rs of replicaSets(context, d)) {
    if ((rs.spec?.replicas ?? 0) === 0) continue;
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (desired !== undefined && Number(desired) !== replicasOf(d)) return true;
  }
  return false;
}

/** getAllReplicaSetsAndSyncRevision: the new set (created if asked) and the old ones, revisions kept in step. */
export function syncRevision(
  context: DeploymentContext,
  d: StoredDeployment,
  create: boolean,
): { newRS: StoredReplicaSet | undefined; oldRSs: StoredReplicaSet[] } {
  const all = replicaSets(context, d);
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
      current = updateReplicaSet(context, { ...newRS, metadata: { ...newRS.metadata, annotations } });
    if (!getCondition(d.status?.conditions ?? [], 'Progressing')) {
      const message = `Found new replica set "${newRS.metadata.name}"`;
      setConditions(context, d, (c) =>
        setCondition(
          c,
          condition('Progressing', 'True', Reasons.foundNewReplicaSet, message, context.timestamp()),
        ),
      );
    }
  } else if (create) {
    current = createReplicaSet(context, d, newRevision, oldRSs);
  }
  const revision = current ? (current.metadata.annotations?.[REVISION_ANNOTATION] ?? newRevision) : undefined;
  const fresh = context.informer.getByKey('deployments', keyOf(d)) as StoredDeployment;
  if (revision && fresh.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
    const annotations = { ...(fresh.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
    context.api.update('deployments', { ...fresh, metadata: { ...fresh.metadata, annotations } });
  }
  return { newRS: current, oldRSs };
}

function createReplicaSet(
  context: DeploymentContext,
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
      setConditions(context, d, (c) =>
        setCondition(
          c,
          condition('Progressing', 'True', Reasons.newReplicaSetCreated, message, context.timestamp()),
        ),
      );
      return created;
    } catch (error) {
      if (!(error instanceof StatusError) || error.status.reason !== 'AlreadyExists') throw error;
      const existing = context.informer.get('replicasets', d.metadata.namespace, name) as
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

function updateReplicaSet(context: DeploymentContext, rs: StoredReplicaSet): StoredReplicaSet {
  return context.api.update('replicasets', rs, { fieldManager: 'kube-controller-manager' })
    .object as StoredReplicaSet;
}

/** scaleReplicaSetAndRecordEvent. */
export function scaleReplicaSet(
  context: DeploymentContext,
  rs: StoredReplicaSet,
  to: number,
  d: StoredDeployment,
): StoredReplicaSet {
  const from = rs.spec?.replicas ?? 0;
  const annotations = { ...(rs.metadata.annotations ?? {}) };
  const annotationsChanged = setReplicasAnnotations(annotations, replicasOf(d), replicasOf(d) + maxSurge(d));
  if (from === to && !annotationsChanged) return rs;
  const updated = updateReplicaSet(context, {
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
export function scale(
  context: DeploymentContext,
  d: StoredDeployment,
  newRS: StoredReplicaSet | undefined,
  oldRSs: StoredReplicaSet[],
): void {
  const all = [...oldRSs, ...(newRS ? [newRS] : [])];
  const active = all.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  const target = replicasOf(d);
  if (active.length <= 1) {
    const only = active[0] ?? newRS ?? [...oldRSs].sort(byCreation).at(-1);
    if (only) scaleReplicaSet(context, only, target, d);
    return;
  }
  if (newRS && (newRS.spec?.replicas ?? 0) === target && (newRS.status?.availableReplicas ?? 0) >= target) {
    for (const rs of oldRSs) if ((rs.spec?.replicas ?? 0) > 0) scaleReplicaSet(context, rs, 0, d);
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
  for (const rs of ordered) scaleReplicaSet(context, rs, sizes.get(rs) ?? 0, d);
}

/** cleanupDeployment: drop drained old sets beyond revisionHistoryLimit, oldest revision first. */
export function cleanup(context: DeploymentContext, d: StoredDeployment, oldRSs: StoredReplicaSet[]): void {
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

function setConditions(
  context: DeploymentContext,
  d: StoredDeployment,
  change: (
    conditions: NonNullable<DeploymentStatus['conditions']>,
  ) => NonNullable<DeploymentStatus['conditions']>,
): void {
  const fresh = (context.informer.getByKey('deployments', keyOf(d)) as StoredDeployment | undefined) ?? d;
  const conditions = change([...(fresh.status?.conditions ?? [])]);
  writeStatus(context.api, 'deployments', fresh, { ...fresh.status, conditions });
}
