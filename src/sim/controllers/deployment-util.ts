/**
 * Pieces of pkg/controller/deployment/util that the deployment controller's decisions rest on:
 * surge and unavailability budgets, the replica annotations, and the conditions with their
 * reasons and messages.
 */
import type { Deployment, ReplicaSet, Typed } from '../api/types.ts';
import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import { timeOf } from './objects.ts';

export type StoredDeployment = Typed<Deployment>;
export type StoredReplicaSet = Typed<ReplicaSet>;

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

/** Annotations a deployment does not hand down to its ReplicaSets (annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

export const Reasons = {
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  replicaSetUpdated: 'ReplicaSetUpdated',
  timedOut: 'ProgressDeadlineExceeded',
} as const;

export function replicasOf(object: { spec?: { replicas?: number } }): number {
  return object.spec?.replicas ?? 1;
}

/** intstr.GetScaledValueFromIntOrPercent. */
function scaled(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value);
  if (!match) return Number(value) || 0;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

function isRolling(d: StoredDeployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** ResolveFenceposts: maxSurge rounds up, maxUnavailable down, and both 0 means 1 unavailable. */
function fenceposts(d: StoredDeployment): [number, number] {
  const rolling = d.spec?.strategy?.rollingUpdate;
  const desired = replicasOf(d);
  const surge = scaled(rolling?.maxSurge ?? '25%', desired, true);
  const unavailable = scaled(rolling?.maxUnavailable ?? '25%', desired, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

export function maxSurge(d: StoredDeployment): number {
  return isRolling(d) ? fenceposts(d)[0] : 0;
}

export function maxUnavailable(d: StoredDeployment): number {
  if (!isRolling(d) || replicasOf(d) === 0) return 0;
  return Math.min(fenceposts(d)[1], replicasOf(d));
}

export function revisionOf(rs: StoredReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '0') || 0;
}

/** copyDeploymentAnnotationsToReplicaSet; true if anything changed. */
export function copyAnnotations(d: StoredDeployment, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations; true if anything changed. */
export function setReplicasAnnotations(
  annotations: Record<string, string>,
  desired: number,
  max: number,
): boolean {
  const changed =
    annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) ||
    annotations[MAX_REPLICAS_ANNOTATION] !== String(max);
  annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
  annotations[MAX_REPLICAS_ANNOTATION] = String(max);
  return changed;
}

export function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getCondition(
  conditions: DeploymentCondition[],
  type: string,
): DeploymentCondition | undefined {
  return conditions.find((c) => c.type === type);
}

/** SetDeploymentCondition: same status and reason is no change; the transition time survives a same-status update. */
export function setCondition(
  conditions: DeploymentCondition[],
  next: DeploymentCondition,
): DeploymentCondition[] {
  const current = getCondition(conditions, next.type);
  if (current && current.status === next.status && current.reason === next.reason) return conditions;
  const updated =
    current && current.status === next.status
      ? { ...next, lastTransitionTime: current.lastTransitionTime }
      : next;
  return [...conditions.filter((c) => c.type !== next.type), updated];
}

export function removeCondition(conditions: DeploymentCondition[], type: string): DeploymentCondition[] {
  return conditions.filter((c) => c.type !== type);
}

/** When a rollout that stopped making progress times out (Progressing lastUpdateTime + deadline). */
export function progressDeadline(d: StoredDeployment): number | undefined {
  const seconds = d.spec?.progressDeadlineSeconds ?? 600;
  const progressing = getCondition(d.status?.conditions ?? [], 'Progressing');
  if (
    !progressing ||
    progressing.reason === Reasons.newReplicaSetAvailable ||
    progressing.reason === Reasons.timedOut
  ) {
    return undefined;
  }
  return timeOf(progressing.lastUpdateTime) + seconds * 1000;
}

/** NewRSNewReplicas for RollingUpdate: grow the new set up to replicas + maxSurge pods in all. */
export function newReplicasForRolling(
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

/** The sum of a number read from each item. */
export function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

/** Oldest first; equal times by name. */
export function byCreation(a: StoredReplicaSet, b: StoredReplicaSet): number {
  const diff = timeOf(a.metadata.creationTimestamp) - timeOf(b.metadata.creationTimestamp);
  if (diff !== 0) return diff;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
