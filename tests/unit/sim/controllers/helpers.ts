/** Building blocks for the controller tests: objects created through the API as kubectl would. */
import { createCluster } from '../../../../src/sim/index.ts';
import type { Cluster } from '../../../../src/sim/cluster-types.ts';
import type { KubeObject, Pod } from '../../../../src/sim/api/types.ts';

export type StoredPod = Pod & KubeObject;

export function newCluster(seed = 7): Cluster {
  return createCluster({ seed });
}

export function createDeployment(
  cluster: Cluster,
  name: string,
  replicas: number,
  container: Record<string, unknown> = { name: 'nginx', image: 'nginx' },
  namespace = 'default',
): KubeObject {
  return cluster.api.create('deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container] } },
    },
  }).object;
}

export function createPod(
  cluster: Cluster,
  name: string,
  container: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KubeObject {
  return cluster.api.create('pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { run: name } },
    spec: { containers: [{ name, ...container }], ...extra },
  }).object;
}

export function createService(
  cluster: Cluster,
  name: string,
  spec: Record<string, unknown>,
  namespace = 'default',
): KubeObject {
  return cluster.api.create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec,
  }).object;
}

export function scale(cluster: Cluster, name: string, replicas: number, namespace = 'default'): void {
  const deployment = cluster.api.get('deployments', namespace, name) as KubeObject & {
    spec: { replicas: number };
  };
  deployment.spec.replicas = replicas;
  cluster.api.update('deployments', deployment);
}

export function pods(cluster: Cluster, namespace = 'default'): StoredPod[] {
  return cluster.api.list('pods', namespace) as StoredPod[];
}

export function isReady(pod: StoredPod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function phaseOf(pod: StoredPod): string {
  return pod.status?.phase ?? '';
}

/** Events about one object, oldest first, as `reason: message`. */
export function eventsFor(cluster: Cluster, name: string, namespace = 'default'): string[] {
  return cluster.api
    .list('events', namespace)
    .filter((e) => (e as { involvedObject?: { name?: string } }).involvedObject?.name === name)
    .map((e) => e as KubeObject & { reason: string; message: string; firstTimestamp: string })
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0))
    .map((e) => `${e.reason}: ${e.message}`);
}

export function event(cluster: Cluster, name: string, reason: string, namespace = 'default') {
  return cluster.api
    .list('events', namespace)
    .map(
      (e) =>
        e as KubeObject & {
          reason: string;
          message: string;
          count: number;
          type: string;
          involvedObject: { name: string };
        },
    )
    .filter((e) => e.involvedObject.name === name && e.reason === reason);
}
