/**
 * The kubelet's container lifecycle as data, in the manner of kwok's stages: each stage names the
 * container state it applies to (`when`), the virtual time it is due at (`due`, read from the
 * status and the events), and what it does then (`next`: the events it records and the next
 * status). The first stage in table order whose `when` holds is the container's stage; a container
 * no stage holds for stays as it is until its spec changes (a running server, InvalidImageName).
 *
 *   ContainerCreating ─ container-started ─▶ running ─ process-exited ─▶ terminated
 *          │                                   ▲                            │
 *     pull-failed                     restarted / back-off-restarted ◀── crash-loop-back-off
 *          ▼                                                                │
 *     ErrImagePull ─ image-pull-back-off ─▶ ImagePullBackOff ⟲ pull-retried / pull-retry-failed
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { ContainerRun } from './container-run.ts';
import { timeOf } from './objects.ts';
import { imageKnown, pullError } from './image-pull.ts';
import { processExit } from './container-behaviour.ts';
import { goSeconds } from './pod-status.ts';

/** A restarted container is back after this pause; a failed pull turns into back-off after it too. */
const SYNC_DELAY_MS = 1000;
/** How long a failing pull attempt takes before the registry says no. */
const FAILED_PULL_MS = 800;
/** kubelet's image and container back-off: 10s doubling up to 5 minutes. */
const BACKOFF_BASE_S = 10;
const BACKOFF_MAX_S = 300;

export interface ContainerStage {
  /** What happens, for the reader and the tests. */
  readonly name: string;
  /** Whether the container, as it stands, is in this stage. */
  when(run: ContainerRun): boolean;
  /** When the stage's move is due (virtual ms); undefined: not until something else changes. */
  due(run: ContainerRun): number | undefined;
  /** The move: events recorded through `run`, and the container's next status. */
  next(run: ContainerRun): ContainerStatus;
}

export const CONTAINER_STAGES: readonly ContainerStage[] = [
  {
    name: 'container-started',
    when: (run) => run.waiting === 'ContainerCreating' && imageKnown(run.image),
    due: (run) => run.createdAt(),
    next: (run) => run.pulledAndStarted(),
  },
  {
    name: 'pull-failed',
    when: (run) => run.waiting === 'ContainerCreating' && !imageKnown(run.image),
    due: (run) => run.createdAt(),
    next: (run) => run.pullFailed(),
  },
  {
    name: 'definition-changed',
    when: (run) => run.imageChanged(),
    due: (run) => run.now,
    next: (run) => run.replaced(),
  },
  {
    name: 'process-exited',
    when: (run) => run.status.state?.running !== undefined && processExit(run.container) !== undefined,
    due: (run) => timeOf(run.status.state?.running?.startedAt) + (processExit(run.container)?.after ?? 0),
    next: (run) => run.exited(processExit(run.container)?.exitCode ?? 0),
  },
  {
    name: 'restarted',
    when: (run) => restartsFromTerminated(run) && (run.status.restartCount ?? 0) === 0,
    due: (run) => timeOf(run.status.state?.terminated?.finishedAt) + SYNC_DELAY_MS,
    next: (run) => run.restarted({ terminated: run.status.state?.terminated }),
  },
  {
    name: 'crash-loop-back-off',
    when: (run) => restartsFromTerminated(run) && (run.status.restartCount ?? 0) > 0,
    due: (run) => timeOf(run.status.state?.terminated?.finishedAt) + SYNC_DELAY_MS,
    next: (run) => {
      const pod = run.podRef();
      run.record('Warning', 'BackOff', `Back-off restarting failed container ${run.name} in pod ${pod}`);
      const backoff = goSeconds(backoffSeconds(run.status.restartCount));
      const message = `back-off ${backoff} restarting failed container=${run.name} pod=${pod}`;
      return {
        ...run.status,
        state: { waiting: { reason: 'CrashLoopBackOff', message } },
        lastState: { terminated: run.status.state?.terminated },
        ready: false,
        started: false,
      };
    },
  },
  {
    name: 'back-off-restarted',
    when: (run) => run.waiting === 'CrashLoopBackOff',
    due: (run) =>
      timeOf(run.status.lastState?.terminated?.finishedAt) + backoffSeconds(run.status.restartCount) * 1000,
    next: (run) => run.restarted(run.status.lastState ?? {}),
  },
  {
    name: 'image-pull-back-off',
    when: (run) => run.waiting === 'ErrImagePull' && run.pullFailure() !== undefined,
    due: (run) => timeOf(run.pullFailure()?.lastTimestamp) + SYNC_DELAY_MS,
    next: (run) => {
      run.record('Normal', 'BackOff', `Back-off pulling image "${run.image}"`);
      run.record('Warning', 'Failed', 'Error: ImagePullBackOff');
      const message = `Back-off pulling image "${run.image}": ErrImagePull: ${pullError(run.image)}`;
      return { ...run.status, state: { waiting: { reason: 'ImagePullBackOff', message } } };
    },
  },
  {
    name: 'pull-retry-failed',
    when: (run) => run.waiting === 'ImagePullBackOff' && run.retryPulling(),
    due: (run) => timeOf(run.pulling()?.lastTimestamp) + FAILED_PULL_MS,
    next: (run) => run.pullFailed(),
  },
  {
    name: 'pull-retried',
    when: (run) => run.waiting === 'ImagePullBackOff' && run.pullFailure() !== undefined,
    due: (run) => timeOf(run.pullFailure()?.lastTimestamp) + backoffSeconds(run.pullFailure()?.count) * 1000,
    next: (run) => {
      run.record('Normal', 'Pulling', `Pulling image "${run.image}"`);
      return run.status;
    },
  },
];

/** The stage the container is in, if any. */
export function stageOf(run: ContainerRun): ContainerStage | undefined {
  return CONTAINER_STAGES.find((stage) => stage.when(run));
}

function restartsFromTerminated(run: ContainerRun): boolean {
  const terminated = run.status.state?.terminated;
  return terminated !== undefined && run.restartsAfter(terminated.exitCode);
}

function backoffSeconds(failures: number | undefined): number {
  return Math.min(BACKOFF_BASE_S * 2 ** Math.max(0, (failures ?? 1) - 1), BACKOFF_MAX_S);
}
