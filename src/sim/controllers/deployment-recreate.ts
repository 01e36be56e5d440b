/**
 * The Recreate strategy (recreate.go): scale every old ReplicaSet to zero, wait until their pods
 * are gone, then scale the new one up.
 */
import { replicasOf, type StoredReplicaSet, type StoredDeployment } from './deployment-util.ts';
import {
  cleanup,
  newAndOldSets,
  scaleReplicaSet,
  syncRevision,
  type DeploymentContext,
} from './deployment-sync.ts';
import { calculateStatus, isComplete, updateDeploymentStatus } from './deployment-progress.ts';
import { isPodActive, isTerminating, keyOf } from './objects.ts';

export function rolloutRecreate(context: DeploymentContext, d: StoredDeployment): void {
  let { newRS, oldRSs } = syncRevision(context, d, false);
  let scaledDown = false;
  for (const rs of oldRSs) {
    if ((rs.spec?.replicas ?? 0) === 0) continue;
    scaleReplicaSet(context, rs, 0, d);
    scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(context, oldRSs)) {
    updateDeploymentStatus(context, keyOf(d), true);
    return;
  }
  if (!newRS) ({ newRS, oldRSs } = syncRevision(context, d, true));
  if (newRS && (newRS.spec?.replicas ?? 0) !== replicasOf(d))
    scaleReplicaSet(context, newRS, replicasOf(d), d);
  ({ newRS, oldRSs } = newAndOldSets(context, d));
  if (isComplete(d, calculateStatus(context, d))) cleanup(context, d, oldRSs);
  updateDeploymentStatus(context, keyOf(d), true);
}

function oldPodsRunning(context: DeploymentContext, oldRSs: StoredReplicaSet[]): boolean {
  for (const rs of oldRSs) {
    for (const ref of context.informer.dependentsOf(rs.metadata.uid ?? '')) {
      const pod = ref.startsWith('pods|') ? context.informer.pod(ref.slice(5)) : undefined;
      if (pod && (isPodActive(pod) || isTerminating(pod))) return true;
    }
  }
  return false;
}
