import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import type { KubeObject } from '../../../../src/sim/api/types.ts';
import { createDeployment, createPod, createService, newCluster, pods } from './helpers.ts';

describe('garbage collector', () => {
  it("deletes a deployment's ReplicaSets and pods once the deployment is gone", () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 2);
    createService(cluster, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    cluster.settle();
    cluster.api.delete('deployments', 'default', 'web');
    cluster.advance(0);
    expect(cluster.api.list('replicasets', 'default')).toHaveLength(0);
    expect(pods(cluster).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    cluster.settle();
    expect(pods(cluster)).toHaveLength(0);
    cluster.api.delete('services', 'default', 'web');
    cluster.advance(0);
    expect(cluster.api.tryGet('endpoints', 'default', 'web')).toBeUndefined();
    expect(cluster.api.list('endpointslices', 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });

  it('leaves pods owned by a kind the API does not serve (kube-proxy and its DaemonSet) alone', () => {
    const cluster = newCluster();
    cluster.settle();
    expect(
      cluster.api.list('pods', 'kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-')),
    ).toHaveLength(3);
  });
});

describe('namespace controller', () => {
  it('empties a deleted namespace while it is Terminating, then removes it', () => {
    const cluster = newCluster();
    cluster.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    createDeployment(cluster, 'web', 2, undefined, 'shop');
    createService(cluster, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] }, 'shop');
    cluster.settle();
    cluster.api.delete('namespaces', undefined, 'shop');
    cluster.advance(0);
    const namespace = cluster.api.get('namespaces', undefined, 'shop') as KubeObject & {
      status: { phase: string; conditions: { type: string; message: string }[] };
    };
    expect(namespace.status.phase).toBe('Terminating');
    expect(namespace.status.conditions.find((c) => c.type === 'NamespaceContentRemaining')?.message).toBe(
      'Some resources are remaining: pods. has 2 resource instances',
    );
    expect(cluster.api.list('deployments', 'shop')).toHaveLength(0);
    expect(cluster.api.list('services', 'shop')).toHaveLength(0);
    cluster.settle();
    expect(cluster.api.tryGet('namespaces', undefined, 'shop')).toBeUndefined();
    expect(cluster.api.list('pods', 'shop')).toHaveLength(0);
    expect(cluster.api.list('events', 'shop')).toHaveLength(0);
  });
});

describe('bootstrap', () => {
  it('starts with the system pods of a small kubeadm cluster, all running for ten minutes', async () => {
    const cluster = createCluster({ seed: 3 });
    const system = cluster.api.list('pods', 'kube-system') as (KubeObject & {
      status: { phase: string; containerStatuses: { restartCount: number }[] };
    })[];
    const names = system.map((p) =>
      p.metadata.name
        .replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-*')
        .replace(/coredns-[4-9bcdf]+-/, 'coredns-#-'),
    );
    expect(names.sort()).toEqual([
      'coredns-#-*',
      'coredns-#-*',
      'etcd-control-plane',
      'kindnet-*',
      'kindnet-*',
      'kindnet-*',
      'kube-apiserver-control-plane',
      'kube-controller-manager-control-plane',
      'kube-proxy-*',
      'kube-proxy-*',
      'kube-proxy-*',
      'kube-scheduler-control-plane',
    ]);
    expect(
      system.every((p) => p.status.phase === 'Running' && p.status.containerStatuses[0]?.restartCount === 0),
    ).toBe(true);
    const etcd = system.find((p) => p.metadata.name === 'etcd-control-plane');
    expect(etcd?.metadata.ownerReferences?.[0]).toMatchObject({
      apiVersion: 'v1',
      kind: 'Node',
      name: 'control-plane',
      controller: true,
    });
    const dns = cluster.api.get('services', 'kube-system', 'kube-dns') as KubeObject & {
      spec: { clusterIP: string; ports: unknown[] };
    };
    expect(dns.spec.clusterIP).toBe('10.96.0.10');
    expect(dns.spec.ports).toEqual([
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ]);
    const endpoints = cluster.api.get('endpoints', 'kube-system', 'kube-dns') as KubeObject & {
      subsets: { addresses: { ip: string }[] }[];
    };
    expect(endpoints.subsets[0]?.addresses.map((a) => a.ip)).toEqual(['10.244.0.2', '10.244.0.3']);
    const result = await cluster.exec('kubectl get deploy -n kube-system');
    expect(result.stdout).toMatch(/^coredns\s+2\/2\s+2\s+2\s+10m$/m);
  });
});

describe('determinism', () => {
  const script = async (cluster: ReturnType<typeof createCluster>) => {
    createDeployment(cluster, 'web', 3);
    createService(cluster, 'web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] });
    cluster.advance(1500);
    await cluster.exec('kubectl run bad --image=ngnix');
    await cluster.exec('kubectl scale deployment web --replicas=5');
    cluster.advance(45_000);
  };

  it('gives the same snapshot for the same seed and the same commands', async () => {
    const a = createCluster({ seed: 42 });
    const b = createCluster({ seed: 42 });
    await script(a);
    await script(b);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
    const c = createCluster({ seed: 43 });
    await script(c);
    expect(JSON.stringify(c.snapshot())).not.toBe(JSON.stringify(a.snapshot()));
  });

  it('resumes a restored snapshot exactly where the original goes on', async () => {
    const original = createCluster({ seed: 5 });
    createDeployment(original, 'web', 3);
    createPod(original, 'picky', { image: 'nginx' }, { nodeSelector: { disktype: 'ssd' } });
    await original.exec('kubectl run bad --image=ngnix');
    original.advance(1200);
    const restored = createCluster({ snapshot: original.snapshot() });
    for (const cluster of [original, restored]) {
      cluster.advance(40_000);
      await cluster.exec('kubectl scale deployment web --replicas=1');
      cluster.advance(6 * 60_000);
    }
    const picky = restored.api.list('events', 'default').find((e) => e['reason'] === 'FailedScheduling');
    // Tried at creation, again when scaling down freed room, and again five minutes later.
    expect(picky?.['count']).toBe(3);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(original.snapshot()));
  });
});
