/**
 * The RollingUpdate strategy (rolling.go): grow the new ReplicaSet up to replicas + maxSurge,
 * shrink old ones as far as maxUnavailable allows (unavailable pods first), and once the rollout
 * is complete, prune history.
 */
import {
  maxUnavailable,
  newReplicasForRolling,
  replicasOf,
  sum,
  byCreation,
  type StoredDeployment,
  type StoredReplicaSet,
} from './deployment-util.ts';
import {
  cleanup,
  newAndOldSets,
  scaleReplicaSet,
  syncRevision,
  type DeploymentContext,
} from './deployment-sync.ts';
import { calculateStatus, isComplete, updateDeploymentStatus } from './deployment-progress.ts';
import { keyOf } from './objects.ts';

export function rolloutRolling(context: DeploymentContext, d: StoredDeployment): void {
  let { newRS, oldRSs } = syncRevision(context, d, true);
  if (newRS) {
    const wanted = newReplicasForRolling(d, oldRSs, newRS);
    if (wanted !== (newRS.spec?.replicas ?? 0)) {
      scaleReplicaSet(context, newRS, wanted, d);
      updateDeploymentStatus(context, keyOf(d), true);
      return;
    }
  }
  if (reconcileOldReplicaSets(context, d, oldRSs, newRS)) {
    updateDeploymentStatus(context, keyOf(d), true);
    return;
  }
  ({ newRS, oldRSs } = newAndOldSets(context, d));
  if (isComplete(d, calculateStatus(context, d))) cleanup(context, d, oldRSs);
  updateDeploymentStatus(context, keyOf(d), true);
}

/** reconcileOldReplicaSets: scale old sets down as far as maxUnavailable allows, unhealthy ones first. */
function reconcileOldReplicaSets(
  context: DeploymentContext,
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
    sets[i] = scaleReplicaSet(context, rs, replicas - down, d);
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
    scaleReplicaSet(context, rs, replicas - down, d);
    toScaleDown -= down;
    changed = true;
  }
  return changed;
}
