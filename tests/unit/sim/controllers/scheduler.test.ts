import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from '../../../../src/sim/controllers/scheduler.ts';
import { createDeployment, createPod, event, newCluster, phaseOf, pods } from './helpers.ts';

describe('scheduler', () => {
  it('keeps pods off the tainted control plane and spreads them over the workers', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 6);
    cluster.settle();
    const nodes = pods(cluster).map((p) => p.spec?.nodeName);
    expect(nodes.filter((n) => n === 'worker-1')).toHaveLength(3);
    expect(nodes.filter((n) => n === 'worker-2')).toHaveLength(3);
    const pod = pods(cluster)[0]!;
    expect(event(cluster, pod.metadata.name, 'Scheduled')[0]).toMatchObject({
      type: 'Normal',
      message: `Successfully assigned default/${pod.metadata.name} to ${pod.spec?.nodeName}`,
      source: { component: 'default-scheduler' },
    });
  });

  it('runs a pod that tolerates the control-plane taint there when it asks for it', () => {
    const cluster = newCluster();
    createPod(
      cluster,
      'cp',
      { image: 'nginx' },
      {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        ],
      },
    );
    cluster.settle();
    expect(pods(cluster)[0]?.spec?.nodeName).toBe('control-plane');
  });

  it('leaves what does not fit Pending with PodScheduled=False and the FitError message', () => {
    const cluster = newCluster();
    // 110 pods a node; kube-proxy and kindnet already take 2 on each worker.
    createDeployment(cluster, 'many', 330);
    cluster.settle();
    const all = pods(cluster);
    const pending = all.filter((p) => !p.spec?.nodeName);
    expect(all.filter((p) => p.spec?.nodeName)).toHaveLength(216);
    expect(pending).toHaveLength(114);
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Too many pods. no new claims to deallocate, ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    const stuck = pending[0]!;
    expect(phaseOf(stuck)).toBe('Pending');
    expect(stuck.status?.conditions).toEqual([
      expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }),
    ]);
    expect(event(cluster, stuck.metadata.name, 'FailedScheduling')[0]).toMatchObject({
      type: 'Warning',
      message,
    });
  });

  it('schedules a waiting pod once a place frees up', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'many', 217);
    cluster.settle();
    const waiting = pods(cluster).find((p) => !p.spec?.nodeName)!;
    const victim = pods(cluster).find((p) => p.spec?.nodeName)!;
    cluster.api.delete('pods', 'default', victim.metadata.name, { gracePeriodSeconds: 0 });
    cluster.settle();
    const names = pods(cluster).map((p) => p.metadata.name);
    expect(names).toHaveLength(217);
    expect(names).not.toContain(victim.metadata.name);
    // The waiting pod was first in the queue; the ReplicaSet's replacement now waits in its place.
    expect(cluster.api.get('pods', 'default', waiting.metadata.name)).toMatchObject({
      spec: { nodeName: expect.any(String) },
    });
    expect(event(cluster, waiting.metadata.name, 'Scheduled')).toHaveLength(1);
    expect(pods(cluster).filter((p) => !p.spec?.nodeName)).toHaveLength(1);
  });

  it('counts cpu and memory requests against what a node can allocate', () => {
    const cluster = newCluster();
    // Workers have 2 CPUs; kube-proxy asks nothing and kindnet 100m: three 600m pods fit on each.
    createDeployment(cluster, 'heavy', 7, {
      name: 'app',
      image: 'nginx',
      resources: { requests: { cpu: '600m', memory: '64Mi' } },
    });
    cluster.settle();
    expect(pods(cluster).filter((p) => p.spec?.nodeName)).toHaveLength(6);
    const pending = pods(cluster).find((p) => !p.spec?.nodeName)!;
    expect(event(cluster, pending.metadata.name, 'FailedScheduling')[0]?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('tries an unschedulable pod again every five minutes', () => {
    const cluster = newCluster();
    createPod(cluster, 'picky', { image: 'nginx' }, { nodeSelector: { disktype: 'ssd' } });
    cluster.advance(11 * 60 * 1000);
    expect(event(cluster, 'picky', 'FailedScheduling')[0]?.count).toBe(3);
  });

  it('says which nodes a nodeSelector does not match, and that preemption would not help', () => {
    const cluster = newCluster();
    createPod(cluster, 'picky', { image: 'nginx' }, { nodeSelector: { disktype: 'ssd' } });
    cluster.settle();
    expect(event(cluster, 'picky', 'FailedScheduling')[0]?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. " +
        'no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('sorts the reasons as strings, counts first, like sortReasonsHistogram', () => {
    const failures = [
      { reasons: ['Too many pods', 'Insufficient cpu'], unresolvable: false },
      { reasons: ['Too many pods'], unresolvable: false },
      { reasons: ['node(s) were unschedulable'], unresolvable: true },
    ];
    expect(fitErrorMessage(3, failures)).toBe(
      '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable, 2 Too many pods. no new claims to deallocate, ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
});
