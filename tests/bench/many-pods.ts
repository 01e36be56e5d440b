/** The 10,000-pod cluster the `get pods -A` budgets are measured on (npm run bench, bench:serve). */
import type { Cluster } from '../../src/sim/index.ts';
import type { KubeObject } from '../../src/sim/api/types.ts';

/** 10,000 running pods spread over 50 namespaces and the two workers, written as the kubelet leaves them. */
export function addPods(cluster: Cluster, count: number): void {
  const store = cluster.api.store;
  const created = '2026-01-05T09:05:00Z';
  for (let ns = 0; ns < 50; ns++) {
    store.put('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: `team-${ns}`,
        uid: `ns-${ns}`,
        creationTimestamp: created,
        labels: { 'kubernetes.io/metadata.name': `team-${ns}` },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    } as KubeObject);
  }
  for (let i = 0; i < count; i++) {
    const node = i % 2 ? 'worker-1' : 'worker-2';
    const name = `app-${i}`;
    store.put('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: `team-${i % 50}`,
        uid: `pod-${i}`,
        creationTimestamp: created,
        labels: { app: `app-${i % 50}` },
      },
      spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx' }] },
      status: {
        phase: 'Running',
        podIP: `10.${100 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`,
        hostIP: node === 'worker-1' ? '192.168.49.3' : '192.168.49.4',
        startTime: created,
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'app',
            ready: true,
            restartCount: 0,
            image: 'nginx',
            imageID: '',
            started: true,
            state: { running: { startedAt: created } },
          },
        ],
      },
    } as KubeObject);
  }
}
