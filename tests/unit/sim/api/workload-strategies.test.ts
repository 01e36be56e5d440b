import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import { refusal } from './refusal.ts';
import type { KubeObject } from '../../../../src/sim/api/types.ts';

const deployment = (labels: Record<string, string>, selector: Record<string, string>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: selector },
    template: {
      metadata: { labels },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    },
  },
});

describe('Pod strategy', () => {
  it('admits a pod with the defaults and the service account token volume', () => {
    const cluster = createCluster({ seed: 3 });
    const { object } = cluster.api.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
    const spec = object['spec'] as {
      containers: Record<string, unknown>[];
      volumes: { name: string }[];
      tolerations: unknown[];
    };
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      serviceAccountName: 'default',
      enableServiceLinks: true,
      priority: 0,
    });
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
    });
    expect(spec.volumes[0]?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.tolerations).toHaveLength(2);
    expect(object['status']).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('requires an image', () => {
    const cluster = createCluster({ seed: 3 });
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web' }] },
    };
    expect(refusal(() => cluster.api.create('pods', pod))).toBe(
      'The Pod "web" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('marks a scheduled pod Terminating for its grace period instead of removing it', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
    cluster.api.bind('default', 'web', 'worker-1');
    const marked = cluster.api.delete('pods', 'default', 'web');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(cluster.api.tryGet('pods', 'default', 'web')).toBeDefined();
    cluster.api.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 });
  });
});

describe('Deployment strategy', () => {
  it('fills the apps/v1 defaults', () => {
    const cluster = createCluster({ seed: 3 });
    const { object } = cluster.api.create('deployments', deployment({ app: 'web' }, { app: 'web' }));
    expect(object['spec']).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        spec: {
          containers: [{ imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
        },
      },
    });
    expect(object.metadata.generation).toBe(1);
  });

  it('refuses a selector that does not match the template labels', () => {
    const cluster = createCluster({ seed: 3 });
    expect(
      refusal(() => cluster.api.create('deployments', deployment({ app: 'webapp' }, { app: 'web' }))),
    ).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"webapp"}: `selector` does not match template `labels`',
    );
  });

  it('keeps the selector immutable', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create('deployments', deployment({ app: 'web', tier: 'front' }, { app: 'web' }));
    const changed = deployment({ app: 'web', tier: 'front' }, { tier: 'front' });
    expect(refusal(() => cluster.api.update('deployments', changed))).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"tier":"front"}}: field is immutable',
    );
  });
});

describe('Namespace strategy', () => {
  it('labels new namespaces and refuses to delete default', () => {
    const cluster = createCluster({ seed: 3 });
    const { object } = cluster.api.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
    });
    expect(object.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(object['status']).toEqual({ phase: 'Active' });
    expect(refusal(() => cluster.api.delete('namespaces', undefined, 'default'))).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    );
  });
});
