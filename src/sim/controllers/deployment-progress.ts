/**
 * A deployment's status (progress.go, syncRolloutStatus and syncDeploymentStatus): replica counts
 * summed over its ReplicaSets, the Available condition, and the Progressing condition moved as
 * the rollout advances, completes or passes its progress deadline.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { timeOf, writeStatus } from './objects.ts';
import {
  Reasons,
  condition,
  getCondition,
  maxUnavailable,
  progressDeadline,
  removeCondition,
  replicasOf,
  setCondition,
  sum,
  type StoredDeployment,
} from './deployment-util.ts';
import { newAndOldSets, replicaSets, type DeploymentContext } from './deployment-sync.ts';

/** calculateStatus over the deployment's ReplicaSets. */
export function calculateStatus(context: DeploymentContext, d: StoredDeployment): DeploymentStatus {
  const { newRS } = newAndOldSets(context, d);
  const all = replicaSets(context, d);
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
export function updateDeploymentStatus(context: DeploymentContext, key: string, rollout: boolean): void {
  const d = context.informer.getByKey('deployments', key) as StoredDeployment | undefined;
  if (!d) return;
  const now = context.timestamp();
  const next = calculateStatus(context, d);
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
  if (rollout) conditions = progress(context, d, next, conditions, now);
  const status: DeploymentStatus = { ...next, conditions };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  writeStatus(context.api, 'deployments', d, reorder(status));
}

/** The Progressing condition, as syncRolloutStatus moves it. */
function progress(
  context: DeploymentContext,
  d: StoredDeployment,
  next: DeploymentStatus,
  conditions: DeploymentStatus['conditions'] & object,
  now: string,
) {
  const progressing = getCondition(conditions, 'Progressing');
  const { newRS } = newAndOldSets(context, d);
  const complete =
    next.replicas === next.updatedReplicas && progressing?.reason === Reasons.newReplicaSetAvailable;
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
    if (progressing?.status === 'True') updated.lastTransitionTime = progressing.lastTransitionTime;
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

/** DeploymentComplete. */
export function isComplete(d: StoredDeployment, status: DeploymentStatus): boolean {
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
