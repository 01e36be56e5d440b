import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/sim/api/types.ts';
import { computeHash, safeEncodeString } from '../../../../src/sim/controllers/pod-template-hash.ts';
import { createDeployment, eventsFor, isReady, newCluster, phaseOf, pods, scale } from './helpers.ts';

type Stored = KubeObject & { spec: Record<string, unknown>; status: Record<string, unknown> };

describe('deployment → replicaset → pods', () => {
  it('brings a deployment of 3 to 3 running, ready pods named <deploy>-<hash>-<5 chars>', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 3);
    cluster.settle();
    const [rs] = cluster.api.list('replicasets', 'default') as Stored[];
    expect(rs?.metadata.name).toMatch(/^web-[4-9bcdf]{6,10}$/);
    const hash = rs?.metadata.labels?.['pod-template-hash'];
    expect(rs?.metadata.name).toBe(`web-${hash}`);
    expect(rs?.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'Deployment',
        name: 'web',
        controller: true,
        blockOwnerDeletion: true,
      }),
    ]);
    expect(rs?.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    const running = pods(cluster);
    expect(running).toHaveLength(3);
    for (const pod of running) {
      expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(phaseOf(pod)).toBe('Running');
      expect(isReady(pod)).toBe(true);
      expect(pod.spec?.nodeName).toMatch(/^worker-[12]$/);
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({
        kind: 'ReplicaSet',
        name: rs?.metadata.name,
        controller: true,
      });
    }
    const deployment = cluster.api.get('deployments', 'default', 'web') as Stored;
    expect(deployment.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(deployment.status['conditions']).toEqual([
      expect.objectContaining({
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      }),
      expect.objectContaining({
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "web-${hash}" has successfully progressed.`,
      }),
    ]);
    expect(eventsFor(cluster, 'web')).toEqual([
      `ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`,
    ]);
    expect(eventsFor(cluster, `web-${hash}`).sort()).toEqual(
      running.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort(),
    );
  });

  it('scales to 5 and back to 1, deleting pods that are not ready first', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 3);
    cluster.settle();
    const [rs] = cluster.api.list('replicasets', 'default');
    const first = pods(cluster).map((p) => p.metadata.name);
    scale(cluster, 'web', 5);
    cluster.advance(0);
    const fresh = pods(cluster).filter((p) => !first.includes(p.metadata.name));
    expect(fresh).toHaveLength(2);
    expect(fresh.every((p) => !isReady(p))).toBe(true);
    // Scaled down before the two new pods are ready: they are the ones to go.
    scale(cluster, 'web', 3);
    cluster.advance(0);
    const terminating = pods(cluster).filter((p) => p.metadata.deletionTimestamp);
    expect(terminating.map((p) => p.metadata.name).sort()).toEqual(fresh.map((p) => p.metadata.name).sort());
    cluster.settle();
    scale(cluster, 'web', 5);
    cluster.settle();
    expect(pods(cluster).filter((p) => isReady(p))).toHaveLength(5);
    scale(cluster, 'web', 1);
    cluster.settle();
    expect(pods(cluster)).toHaveLength(1);
    const events = eventsFor(cluster, 'web');
    expect(events).toContain(`ScalingReplicaSet: Scaled up replica set ${rs?.metadata.name} from 3 to 5`);
    expect(events).toContain(`ScalingReplicaSet: Scaled down replica set ${rs?.metadata.name} from 5 to 1`);
    expect((cluster.api.get('deployments', 'default', 'web') as Stored).status).toMatchObject({
      replicas: 1,
      availableReplicas: 1,
    });
  });

  it('rolls out a new template without dropping below replicas - maxUnavailable available pods', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 4);
    cluster.settle();
    const deployment = cluster.api.get('deployments', 'default', 'web') as Stored & {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    deployment.spec.template.spec.containers[0]!.image = 'nginx:1.27';
    cluster.api.update('deployments', deployment);
    let minAvailable = Infinity;
    let maxTotal = 0;
    for (let step = 0; step < 120; step++) {
      cluster.advance(250);
      const current = pods(cluster);
      minAvailable = Math.min(
        minAvailable,
        current.filter((p) => isReady(p) && !p.metadata.deletionTimestamp).length,
      );
      maxTotal = Math.max(maxTotal, current.filter((p) => !p.metadata.deletionTimestamp).length);
    }
    cluster.settle();
    expect(minAvailable).toBeGreaterThanOrEqual(3); // 4 - 25%
    expect(maxTotal).toBeLessThanOrEqual(5); // 4 + 25%
    const sets = cluster.api.list('replicasets', 'default') as Stored[];
    expect(sets).toHaveLength(2);
    const current = sets.find((rs) => rs.spec['replicas'] === 4);
    expect(current?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(pods(cluster).every((p) => p.spec?.containers[0]?.image === 'nginx:1.27' && isReady(p))).toBe(
      true,
    );
    expect(
      (cluster.api.get('deployments', 'default', 'web') as Stored).metadata.annotations?.[
        'deployment.kubernetes.io/revision'
      ],
    ).toBe('2');
  });

  it('rolls the pods when `kubectl rollout restart` stamps the template', async () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 2);
    cluster.settle();
    const before = pods(cluster).map((p) => p.metadata.name);
    const result = await cluster.exec('kubectl rollout restart deployment/web');
    expect(result.exitCode).toBe(0);
    cluster.settle();
    const after = pods(cluster);
    expect(after).toHaveLength(2);
    expect(after.some((p) => before.includes(p.metadata.name))).toBe(false);
    expect(after[0]?.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
  });

  it('creates the new ReplicaSet before anything else happens and reports progress with the real reasons', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 2, { name: 'app', image: 'ngnix' });
    cluster.advance(0);
    const deployment = cluster.api.get('deployments', 'default', 'web') as Stored;
    const [rs] = cluster.api.list('replicasets', 'default');
    expect(deployment.status['conditions']).toEqual([
      expect.objectContaining({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }),
      expect.objectContaining({
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: `ReplicaSet "${rs?.metadata.name}" is progressing.`,
      }),
    ]);
    // An image that never pulls: after progressDeadlineSeconds (600) the rollout times out.
    cluster.advance(11 * 60 * 1000);
    const stuck = cluster.api.get('deployments', 'default', 'web') as Stored;
    expect(stuck.status['conditions']).toContainEqual(
      expect.objectContaining({
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${rs?.metadata.name}" has timed out progressing.`,
      }),
    );
  });
});

describe('pod-template-hash', () => {
  it('spells the decimal FNV sum with the alphabet without vowels, as SafeEncodeString does', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    const hash = computeHash({
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computeHash({ spec: {} }, 1)).not.toBe(computeHash({ spec: {} }));
  });
});

describe('replicaset ownership', () => {
  it('releases a pod relabelled out of its selector and replaces it, and adopts a matching orphan', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 2);
    cluster.settle();
    const [rs] = cluster.api.list('replicasets', 'default') as Stored[];
    const quarantined = pods(cluster)[0]!;
    cluster.api.update('pods', {
      ...quarantined,
      metadata: { ...quarantined.metadata, labels: { app: 'debug' } },
    });
    cluster.settle();
    const released = cluster.api.get('pods', 'default', quarantined.metadata.name);
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(pods(cluster)).toHaveLength(3);
    expect(
      pods(cluster).filter((p) => p.metadata.ownerReferences?.[0]?.uid === rs?.metadata.uid),
    ).toHaveLength(2);
    // Back in the selector, and one too many: adopted, then the least useful pod goes.
    cluster.api.update('pods', {
      ...released,
      metadata: { ...released.metadata, labels: rs?.metadata.labels },
    });
    cluster.settle();
    expect(pods(cluster)).toHaveLength(2);
    expect(pods(cluster).every((p) => p.metadata.ownerReferences?.[0]?.uid === rs?.metadata.uid)).toBe(true);
  });
});
