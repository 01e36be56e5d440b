/**
 * Which pods a ReplicaSet deletes first when it scales down: controller.ActivePodsWithRanks with
 * LogarithmicScaleDown, as getPodsToDelete sorts them. Unscheduled before scheduled, pending
 * before running, not ready before ready, doubled-up nodes first, recently ready before long
 * ready, more restarts first, newer before older.
 */
import { isPodReady, timeOf, type StoredPod } from './objects.ts';

export interface RankedPod {
  pod: StoredPod;
  /** How many pods of the same owner (its deployment's ReplicaSets) share this pod's node. */
  rank: number;
}

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export function rankForDeletion(pods: readonly RankedPod[], now: number): StoredPod[] {
  return [...pods].sort((a, b) => compare(a, b, now)).map((ranked) => ranked.pod);
}

function compare(a: RankedPod, b: RankedPod, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const assignedA = pa.spec?.nodeName ? 1 : 0;
  const assignedB = pb.spec?.nodeName ? 1 : 0;
  if (assignedA !== assignedB) return assignedA - assignedB;
  const phaseA = PHASE_ORDER[pa.status?.phase ?? 'Pending'] ?? 0;
  const phaseB = PHASE_ORDER[pb.status?.phase ?? 'Pending'] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isPodReady(pa) ? 1 : 0;
  const readyB = isPodReady(pb) ? 1 : 0;
  if (readyA !== readyB) return readyA - readyB;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (readyA === 1) {
    const bucketA = logBucket(now - readySince(pa));
    const bucketB = logBucket(now - readySince(pb));
    if (bucketA !== bucketB) return bucketA - bucketB;
  }
  const restartsA = maxRestarts(pa);
  const restartsB = maxRestarts(pb);
  if (restartsA !== restartsB) return restartsB - restartsA;
  const ageA = logBucket(now - timeOf(pa.metadata.creationTimestamp));
  const ageB = logBucket(now - timeOf(pb.metadata.creationTimestamp));
  if (ageA !== ageB) return ageA - ageB;
  return pa.metadata.name < pb.metadata.name ? -1 : pa.metadata.name > pb.metadata.name ? 1 : 0;
}

function readySince(pod: StoredPod): number {
  return timeOf(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);
}

function maxRestarts(pod: StoredPod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/** Durations compared on a log2 scale of seconds: pods of about the same age count as equal. */
function logBucket(ms: number): number {
  const seconds = Math.floor(ms / 1000);
  return seconds <= 0 ? 0 : Math.floor(Math.log2(seconds));
}
