/**
 * The kubelet's stage table, read the way kwok's stage tests read theirs: for a container as a
 * real cluster left it, which stage it is in and when that stage is due.
 */
import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import { ContainerRun } from '../../../../src/sim/controllers/container-run.ts';
import { CONTAINER_STAGES, stageOf } from '../../../../src/sim/controllers/container-stages.ts';
import { EventRecorder } from '../../../../src/sim/controllers/events.ts';
import { PodIPAllocator } from '../../../../src/sim/controllers/pod-ip.ts';
import type { StoredNode } from '../../../../src/sim/controllers/node-images.ts';
import { PodLogStore } from '../../../../src/sim/net/logs.ts';
import { SeededRandom } from '../../../../src/sim/random.ts';
import { VirtualClock } from '../../../../src/sim/clock.ts';
import { createPod, event, newCluster, type StoredPod } from './helpers.ts';

type Cluster = ReturnType<typeof newCluster>;

/** The stage of the pod's first container now, and how long until it is due (ms). */
function stage(cluster: Cluster, name: string): { stage: string | undefined; dueIn: number | undefined } {
  const pod = cluster.api.get('pods', 'default', name) as StoredPod;
  const node = cluster.api.get('nodes', undefined, pod.spec?.nodeName ?? '') as StoredNode;
  const clock = new VirtualClock(cluster.now());
  // A reader's context over the same API: events are looked up in the store, nothing is written.
  const context = {
    api: cluster.api,
    events: new EventRecorder(
      cluster.api,
      () => clock.timestamp(),
      () => '0',
    ),
    logs: new PodLogStore(),
    podIPs: new PodIPAllocator(),
    random: new SeededRandom(1),
    now: () => clock.now(),
    timestamp: () => clock.timestamp(),
  };
  const container = pod.spec?.containers[0];
  const status = pod.status?.containerStatuses?.[0] as ContainerStatus;
  if (!container) throw new Error(`${name} has no container`);
  const scope = { context, informer: undefined as never, pod, node, now: cluster.now() };
  const run = new ContainerRun(scope, container, status);
  const found = stageOf(run);
  const due = found?.due(run);
  return { stage: found?.name, dueIn: due === undefined ? undefined : due - cluster.now() };
}

/** Advance in small steps until the pod's first container is in `stage`. */
function advanceUntil(cluster: Cluster, name: string, wanted: string, limitMs = 20 * 60 * 1000): void {
  for (let waited = 0; waited <= limitMs; waited += 100) {
    if (stage(cluster, name).stage === wanted) return;
    cluster.advance(100);
  }
  throw new Error(`${name} never reached ${wanted}: it is in ${stage(cluster, name).stage}`);
}

describe('container stages', () => {
  it('names each stage once', () => {
    const names = CONTAINER_STAGES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('takes an unknown image from a failed pull through back-off, retry and failure again', () => {
    const cluster = newCluster();
    createPod(cluster, 'typo', { image: 'ngnix' });
    cluster.advance(0);
    expect(stage(cluster, 'typo').stage).toBe('pull-failed');
    // Due times are read back from the kubelet's events (whole seconds, as the API stores them).
    const last = (reason: string, prefix: string) => {
      const found = event(cluster, 'typo', reason).find((e) => e.message.startsWith(prefix)) as
        { lastTimestamp: string; count: number } | undefined;
      return { in: Date.parse(found?.lastTimestamp ?? '') - cluster.now(), count: found?.count };
    };
    advanceUntil(cluster, 'typo', 'image-pull-back-off');
    expect(stage(cluster, 'typo').dueIn).toBe(last('Failed', 'Failed to pull').in + 1000);
    advanceUntil(cluster, 'typo', 'pull-retried');
    expect(last('Failed', 'Failed to pull').count).toBe(1);
    expect(stage(cluster, 'typo').dueIn).toBe(last('Failed', 'Failed to pull').in + 10_000);
    advanceUntil(cluster, 'typo', 'pull-retry-failed');
    expect(stage(cluster, 'typo').dueIn).toBe(last('Pulling', 'Pulling').in + 800);
    advanceUntil(cluster, 'typo', 'image-pull-back-off');
    advanceUntil(cluster, 'typo', 'pull-retried');
    expect(last('Failed', 'Failed to pull').count).toBe(2);
    expect(stage(cluster, 'typo').dueIn).toBe(last('Failed', 'Failed to pull').in + 20_000);
  });

  it('restarts a crashing container once at once, then after a back-off that doubles', () => {
    const cluster = newCluster();
    createPod(cluster, 'crash', { image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 1'] });
    cluster.advance(0);
    expect(stage(cluster, 'crash').stage).toBe('container-started');
    const status = () =>
      (cluster.api.get('pods', 'default', 'crash') as StoredPod).status?.containerStatuses?.[0];
    const at = (stamp: string | undefined) => Date.parse(stamp ?? '') - cluster.now();
    advanceUntil(cluster, 'crash', 'process-exited');
    expect(stage(cluster, 'crash').dueIn).toBe(at(status()?.state?.running?.startedAt) + 2000);
    advanceUntil(cluster, 'crash', 'restarted');
    expect(stage(cluster, 'crash').dueIn).toBe(at(status()?.state?.terminated?.finishedAt) + 1000);
    advanceUntil(cluster, 'crash', 'crash-loop-back-off');
    advanceUntil(cluster, 'crash', 'back-off-restarted');
    expect(stage(cluster, 'crash').dueIn).toBe(at(status()?.lastState?.terminated?.finishedAt) + 10_000);
    advanceUntil(cluster, 'crash', 'crash-loop-back-off');
    advanceUntil(cluster, 'crash', 'back-off-restarted');
    expect(stage(cluster, 'crash').dueIn).toBe(at(status()?.lastState?.terminated?.finishedAt) + 20_000);
  });

  it('leaves a running server, an invalid name and a finished pod that does not restart in no stage', () => {
    const cluster = newCluster();
    createPod(cluster, 'web', { image: 'nginx' });
    createPod(cluster, 'bad', { image: 'NGINX' });
    createPod(cluster, 'once', { image: 'busybox' }, { restartPolicy: 'Never' });
    cluster.settle();
    for (const name of ['web', 'bad', 'once'])
      expect(stage(cluster, name), name).toEqual({ stage: undefined, dueIn: undefined });
  });

  it('replaces a container whose image was edited, at once', () => {
    const cluster = newCluster();
    createPod(cluster, 'web', { image: 'nginx' });
    cluster.settle();
    const pod = cluster.api.get('pods', 'default', 'web') as StoredPod;
    const containers = pod.spec?.containers ?? [];
    cluster.api.update('pods', {
      ...pod,
      spec: { ...pod.spec, containers: [{ ...containers[0], image: 'httpd' }] },
    });
    expect(stage(cluster, 'web')).toEqual({ stage: 'definition-changed', dueIn: 0 });
  });
});
