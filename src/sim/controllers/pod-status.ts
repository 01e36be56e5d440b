/**
 * The pod-level half of the status a kubelet writes (pkg/kubelet/status, kubelet_pods.go
 * getPhase and generateAPIPodStatus): phase from the container states, the five conditions in
 * the kubelet's order, QoS class, and the fields in the API's order.
 */
import type {
  Container,
  ContainerStatus,
  PodCondition as PodCondition130,
  PodStatus as PodStatus130,
} from 'kubernetes-types/core/v1';
import type { StoredPod } from './objects.ts';

/** kubernetes-types stops at 1.30; PodObservedGenerationTracking (on in 1.35) adds these fields. */
export type PodCondition = PodCondition130 & { observedGeneration?: number };
export type PodStatus = Omit<PodStatus130, 'conditions'> & {
  observedGeneration?: number;
  conditions?: PodCondition[];
};

/** getPhase over the container statuses and the restart policy. */
export function podPhase(pod: StoredPod, statuses: readonly ContainerStatus[]): string {
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const status of statuses) {
    if (status.state?.running) running++;
    else if (status.state?.terminated) {
      stopped++;
      if (status.state.terminated.exitCode === 0) succeeded++;
    } else if (status.state?.waiting) {
      if (status.lastState?.terminated) stopped++;
      else waiting++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return policy === 'OnFailure' ? 'Running' : 'Failed';
}

/** The conditions in the order the kubelet keeps them; transition times survive unchanged statuses. */
export function podConditions(
  pod: StoredPod,
  phase: string,
  statuses: readonly ContainerStatus[],
  now: string,
): PodCondition[] {
  const previous = pod.status?.conditions ?? [];
  const generation = pod.metadata.generation ?? 1;
  const make = (type: string, status: 'True' | 'False', reason?: string, message?: string): PodCondition => {
    const before = previous.find((c) => c.type === type);
    const condition: PodCondition = {
      type,
      observedGeneration: generation,
      status,
      lastProbeTime: null as unknown as string,
      lastTransitionTime: before && before.status === status ? before.lastTransitionTime : now,
    };
    if (reason) condition.reason = reason;
    if (message) condition.message = message;
    return condition;
  };
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const readyReason = finished
    ? phase === 'Succeeded'
      ? 'PodCompleted'
      : 'PodFailed'
    : 'ContainersNotReady';
  const readyMessage = finished ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const ready = unready.length === 0 && !finished;
  const scheduled = previous.find((c) => c.type === 'PodScheduled');
  return [
    make('PodReadyToStartContainers', finished ? 'False' : 'True'),
    make('Initialized', 'True'),
    ready ? make('Ready', 'True') : make('Ready', 'False', readyReason, readyMessage),
    ready ? make('ContainersReady', 'True') : make('ContainersReady', 'False', readyReason, readyMessage),
    ...(scheduled ? [scheduled] : []),
  ];
}

/** GetPodQOS: BestEffort without requests or limits, Guaranteed when every limit equals its request. */
export function qosClass(containers: readonly Container[]): string {
  let any = false;
  let guaranteed = true;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true;
    for (const resource of ['cpu', 'memory']) {
      const limit = limits[resource];
      const request = requests[resource] ?? limit;
      if (limit === undefined || String(request) !== String(limit)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** PodStatus with its fields in the API's order. */
export function orderedPodStatus(status: PodStatus): PodStatus {
  const order: (keyof PodStatus)[] = [
    'observedGeneration',
    'phase',
    'conditions',
    'message',
    'reason',
    'nominatedNodeName',
    'hostIP',
    'hostIPs',
    'podIP',
    'podIPs',
    'startTime',
    'initContainerStatuses',
    'containerStatuses',
    'qosClass',
  ];
  const out: Record<string, unknown> = {};
  for (const field of order) if (status[field] !== undefined) out[field] = status[field];
  return out as PodStatus;
}

/** Go's time.Duration String for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h${minutes % 60}m${seconds % 60}s`;
}
