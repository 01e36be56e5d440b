import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import type { Cluster } from '../../../../src/sim/cluster-types.ts';

/** A pod pinned to worker-1 (podCIDR 10.244.1.0/24), as `kubectl apply` of a manifest with nodeName. */
async function podOnWorker1(cluster: Cluster, name: string): Promise<void> {
  cluster.fs.write(
    `${name}.yaml`,
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: worker-1\n  containers:\n  - name: web\n    image: nginx\n`,
  );
  await cluster.exec(`kubectl apply -f ${name}.yaml`);
  await cluster.exec('sleep 5');
}

async function ipOf(cluster: Cluster, name: string): Promise<string> {
  return (await cluster.exec(`kubectl get pod ${name} -o jsonpath={.status.podIP}`)).stdout;
}

// containernetworking/plugins ipam/host-local/backend/allocator: GetIter starts after the last
// reserved IP; Next skips the gateway and wraps from RangeEnd to RangeStart.
describe('pod IPs (host-local IPAM)', () => {
  it('hands out addresses round-robin: a freed address is not reused before the range wraps', async () => {
    const cluster = createCluster({ seed: 1 });
    await podOnWorker1(cluster, 'a');
    await podOnWorker1(cluster, 'b');
    expect([await ipOf(cluster, 'a'), await ipOf(cluster, 'b')]).toEqual(['10.244.1.2', '10.244.1.3']);
    await cluster.exec('kubectl delete pod a --now');
    await cluster.exec('sleep 5');
    await podOnWorker1(cluster, 'c');
    expect(await ipOf(cluster, 'c')).toBe('10.244.1.4');
  });

  it('keeps its position across a snapshot', async () => {
    const cluster = createCluster({ seed: 1 });
    await podOnWorker1(cluster, 'a');
    await cluster.exec('kubectl delete pod a --now');
    await cluster.exec('sleep 5');
    const restored = createCluster({ snapshot: cluster.snapshot() });
    await podOnWorker1(restored, 'b');
    expect(await ipOf(restored, 'b')).toBe('10.244.1.3');
  });

  it('wraps from the end of the range to its start, skipping the gateway (.1)', async () => {
    const cluster = createCluster({ seed: 1 });
    const snapshot = cluster.snapshot();
    const state = snapshot.state as { podIPs: Record<string, string> };
    state.podIPs['worker-1'] = '10.244.1.254';
    const wrapped = createCluster({ snapshot });
    await podOnWorker1(wrapped, 'a');
    expect(await ipOf(wrapped, 'a')).toBe('10.244.1.2');
  });
});
