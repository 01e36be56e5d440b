/** `kubectl get pods`: READY, the STATUS kubectl derives from container states, RESTARTS with `(2m ago)`. */
import type { Pod, ContainerStatus } from 'kubernetes-types/core/v1';
import { age, humanDuration } from '../duration.ts';
import type { RowContext, TableDefinition } from './table.ts';

export const podTable: TableDefinition = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', wide: true },
    { name: 'Node', wide: true },
    { name: 'Nominated Node', wide: true },
    { name: 'Readiness Gates', wide: true },
  ],
  cells(object, context) {
    return podCells(object as unknown as Pod, context);
  },
};

const NO_CONTAINERS: readonly never[] = [];

/** The time a container last terminated, in ms (0 when it never did). */
function lastTerminated(status: ContainerStatus): number {
  const at = status.lastState?.terminated?.finishedAt;
  return at ? Date.parse(at) : 0;
}

function isRestartable(initContainers: NonNullable<Pod['spec']>['initContainers'], name: string): boolean {
  if (!initContainers) return false;
  for (const c of initContainers) if (c.name === name) return c.restartPolicy === 'Always';
  return false;
}

function hasCondition(pod: Pod, type: string): boolean {
  for (const c of pod.status?.conditions ?? NO_CONTAINERS)
    if (c.type === type && c.status === 'True') return true;
  return false;
}

/**
 * printPod from pkg/printers/internalversion/printers.go: READY, the STATUS reason and RESTARTS.
 * Written without closures: it runs once per row of `get pods -A`.
 */
export function podStatusSummary(
  pod: Pod,
  nowMs: number,
): { ready: string; status: string; restarts: string } {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const initContainers = spec?.initContainers;
  let totalContainers = spec?.containers.length ?? 0;
  if (initContainers) for (const c of initContainers) if (c.restartPolicy === 'Always') totalContainers++;
  let readyContainers = 0;
  let restarts = 0;
  let restartableRestarts = 0;
  let lastRestart = 0;
  let lastRestartableRestart = 0;
  const phase = status.phase ?? '';
  let reason: string = status.reason || phase;
  if (status.conditions) {
    for (const condition of status.conditions) {
      if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated')
        reason = 'SchedulingGated';
    }
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses;
  if (initStatuses) {
    for (let i = 0; i < initStatuses.length; i++) {
      const c = initStatuses[i] as ContainerStatus;
      const restartable = isRestartable(initContainers, c.name);
      restarts += c.restartCount;
      lastRestart = Math.max(lastRestart, lastTerminated(c));
      if (restartable) {
        restartableRestarts += c.restartCount;
        lastRestartableRestart = Math.max(lastRestartableRestart, lastTerminated(c));
      }
      const terminated = c.state?.terminated;
      const waiting = c.state?.waiting;
      if (terminated && terminated.exitCode === 0) continue;
      if (restartable && c.started) {
        if (c.ready) readyContainers++;
        continue;
      }
      if (terminated) {
        if (!terminated.reason) {
          reason = terminated.signal
            ? `Init:Signal:${terminated.signal}`
            : `Init:ExitCode:${terminated.exitCode}`;
        } else {
          reason = `Init:${terminated.reason}`;
        }
      } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
        reason = `Init:${waiting.reason}`;
      } else {
        reason = `Init:${i}/${initContainers?.length ?? 0}`;
      }
      initializing = true;
      break;
    }
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses;
    if (statuses) {
      for (let i = statuses.length - 1; i >= 0; i--) {
        const c = statuses[i] as ContainerStatus;
        restarts += c.restartCount;
        if (c.lastState?.terminated) lastRestart = Math.max(lastRestart, lastTerminated(c));
        const state = c.state;
        if (state?.waiting?.reason) reason = state.waiting.reason;
        else if (state?.terminated?.reason) reason = state.terminated.reason;
        else if (state?.terminated) {
          reason = state.terminated.signal
            ? `Signal:${state.terminated.signal}`
            : `ExitCode:${state.terminated.exitCode}`;
        } else if (c.ready && state?.running) {
          hasRunning = true;
          readyContainers++;
        }
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== 0)
    restartsText = `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function podCells(pod: Pod, context: RowContext): string[] {
  const summary = podStatusSummary(pod, context.nowMs);
  const cells = [
    pod.metadata?.name ?? '',
    summary.ready,
    summary.status,
    summary.restarts,
    age(pod.metadata?.creationTimestamp, context.nowMs),
  ];
  if (context.wide) {
    const gates = pod.spec?.readinessGates ?? [];
    let readinessGates = '<none>';
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const gate of gates) {
        const condition = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
        if (condition?.status === 'True') trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    cells.push(
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates,
    );
  }
  return cells;
}
