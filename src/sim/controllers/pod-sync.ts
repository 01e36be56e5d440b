/**
 * One sync of a started pod (the kubelet's syncPod): every container moves through the lifecycle
 * stages that are due by now, readiness is probed, and the pod's status is written once.
 * Returns when the pod next needs a look: the earliest stage or probe still to come.
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import { ContainerRun, creatingStatus, type PodSyncScope } from './container-run.ts';
import { stageOf } from './container-stages.ts';
import { applyReadiness, reportFailingProbe } from './readiness-probe.ts';
import { timeOf, writeStatus } from './objects.ts';
import { orderedPodStatus, podConditions, podPhase, type PodStatus } from './pod-status.ts';

/** Stages one container may pass in one sync (a restart is pull, create and start at once). */
const STAGES_PER_SYNC = 8;

export function syncContainers(scope: PodSyncScope): number | undefined {
  const { context, pod } = scope;
  const containers = pod.spec?.containers ?? [];
  const statuses = containers.map(
    (c) =>
      structuredClone(pod.status?.containerStatuses?.find((s) => s.name === c.name)) ?? creatingStatus(c),
  );
  let next: number | undefined;
  const later = (time: number | undefined): void => {
    if (time !== undefined) next = Math.min(next ?? Infinity, time);
  };
  containers.forEach((container, i) => {
    let run = new ContainerRun(scope, container, statuses[i] as ContainerStatus);
    for (let step = 0; step < STAGES_PER_SYNC; step++) {
      const stage = stageOf(run);
      const due = stage?.due(run);
      if (stage === undefined || due === undefined || due > scope.now) {
        later(due);
        break;
      }
      run = new ContainerRun(scope, container, stage.next(run));
    }
    statuses[i] = run.status;
    // Containers the cluster came with were started before any kubelet sync: their first lines now.
    const running = run.status.state?.running;
    if (running && run.hasNoLogs()) run.logStartup(timeOf(running.startedAt));
    const readyAt = applyReadiness(run);
    if (readyAt !== undefined && readyAt > scope.now) later(readyAt);
    later(reportFailingProbe(run, pod.status?.podIP ?? ''));
  });
  const now = context.timestamp();
  const phase = podPhase(pod, statuses);
  const status: PodStatus = {
    ...pod.status,
    observedGeneration: pod.metadata.generation ?? 1,
    phase,
    containerStatuses: statuses,
  };
  status.conditions = podConditions(pod, phase, statuses, now);
  writeStatus(context.api, 'pods', pod, orderedPodStatus(status));
  return next;
}
