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

/** printPod from pkg/printers/internalversion/printers.go. */
export function podStatusSummary(
  pod: Pod,
  nowMs: number,
): { ready: string; status: string; restarts: string } {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const initContainers = spec?.initContainers ?? [];
  const restartable = (name: string): boolean =>
    initContainers.find((c) => c.name === name)?.restartPolicy === 'Always';
  let totalContainers = spec?.containers.length ?? 0;
  for (const c of initContainers) if (c.restartPolicy === 'Always') totalContainers++;
  let readyContainers = 0;
  let restarts = 0;
  let restartableRestarts = 0;
  let lastRestart = 0;
  let lastRestartableRestart = 0;
  const phase = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated')
      reason = 'SchedulingGated';
  }
  const finished = (c: ContainerStatus): number => {
    const at = c.lastState?.terminated?.finishedAt;
    return at ? Date.parse(at) : 0;
  };

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i] as ContainerStatus;
    restarts += c.restartCount;
    lastRestart = Math.max(lastRestart, finished(c));
    if (restartable(c.name)) {
      restartableRestarts += c.restartCount;
      lastRestartableRestart = Math.max(lastRestartableRestart, finished(c));
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable(c.name) && c.started) {
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
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initializedTrue) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as ContainerStatus;
      restarts += c.restartCount;
      lastRestart = Math.max(lastRestart, finished(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated)
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
    reason = 'Terminating';

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
