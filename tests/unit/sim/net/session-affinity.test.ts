/**
 * `sessionAffinity: ClientIP` as kube-proxy's iptables rules do it: one client IP keeps its pod
 * while it comes back within timeoutSeconds of its last connection, and the choice survives a
 * snapshot; without affinity the same client is spread over the pods.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import { clusterWith } from './helpers.ts';

const SETUP = [
  'kubectl create deployment web --image=kube101/hello --replicas=3 --port=300',
  'kubectl run client --image=busybox --command -- sleep 3600',
];
const SIX_REQUESTS = `kubectl exec client -- sh -c 'for i in 1 2 3 4 5 6; do wget -qO- http://web:82; done'`;

const distinct = (text: string): number => new Set(text.trim().split('\n')).size;

describe('sessionAffinity: ClientIP', () => {
  it('sends every connection of one client to one pod, and spreads them without it', async () => {
    const sticky = await clusterWith([
      ...SETUP,
      'kubectl expose deployment web --port=82 --target-port=300 --session-affinity=ClientIP',
    ]);
    expect(distinct((await sticky.exec(SIX_REQUESTS)).stdout)).toBe(1);
    const spread = await clusterWith([...SETUP, 'kubectl expose deployment web --port=82 --target-port=300']);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await spread.exec(SIX_REQUESTS)).stdout);
    expect(distinct(answers.join(''))).toBe(3);
  });

  it('forgets the client after timeoutSeconds without a connection, and keeps it across a snapshot', async () => {
    const cluster = await clusterWith([
      ...SETUP,
      'kubectl expose deployment web --port=82 --target-port=300 --session-affinity=ClientIP',
      `kubectl patch svc web -p '{"spec":{"sessionAffinityConfig":{"clientIP":{"timeoutSeconds":10}}}}'`,
    ]);
    const first = (await cluster.exec('kubectl exec client -- wget -qO- http://web:82')).stdout;
    const restored = createCluster({ snapshot: cluster.snapshot() });
    for (let i = 0; i < 5; i++) {
      await restored.exec('sleep 9');
      expect((await restored.exec('kubectl exec client -- wget -qO- http://web:82')).stdout).toBe(first);
    }
    const afterPauses = [];
    for (let i = 0; i < 8; i++) {
      await restored.exec('sleep 11');
      afterPauses.push((await restored.exec('kubectl exec client -- wget -qO- http://web:82')).stdout);
    }
    expect(distinct(afterPauses.join(''))).toBeGreaterThan(1);
  });

  it('defaults the timeout to three hours, as the API server does', async () => {
    const cluster = await clusterWith([
      ...SETUP,
      'kubectl expose deployment web --port=82 --target-port=300 --session-affinity=ClientIP',
    ]);
    const config = await cluster.exec(`kubectl get svc web -o jsonpath='{.spec.sessionAffinityConfig}'`);
    expect(config.stdout).toBe('{"clientIP":{"timeoutSeconds":10800}}');
  });
});
