import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/sim/api/types.ts';
import { createDeployment, createService, event, isReady, newCluster, pods, scale } from './helpers.ts';

type Endpoints = KubeObject & {
  subsets?: {
    addresses?: { ip: string; nodeName?: string; targetRef?: { name: string } }[];
    notReadyAddresses?: { ip: string }[];
    ports?: unknown[];
  }[];
};
type Slice = KubeObject & {
  addressType: string;
  endpoints:
    | {
        addresses: string[];
        conditions: Record<string, boolean>;
        nodeName?: string;
        targetRef?: { name: string };
      }[]
    | null;
  ports: { name: string; port: number; protocol: string }[] | null;
};

const slicesOf = (cluster: ReturnType<typeof newCluster>, service: string) =>
  (cluster.api.list('endpointslices', 'default') as Slice[]).filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === service,
  );

describe('endpoints and endpointslices', () => {
  it('list the ready pods a selector matches, with named target ports resolved', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 2, {
      name: 'nginx',
      image: 'nginx',
      ports: [{ name: 'http', containerPort: 80 }],
    });
    createService(cluster, 'web', {
      selector: { app: 'web' },
      ports: [{ name: 'web', port: 82, targetPort: 'http' }],
    });
    cluster.advance(0);
    const early = cluster.api.get('endpoints', 'default', 'web') as Endpoints;
    expect(early.subsets?.[0]?.addresses).toBeUndefined();
    expect(early.subsets?.[0]?.notReadyAddresses).toHaveLength(2);
    cluster.settle();
    const endpoints = cluster.api.get('endpoints', 'default', 'web') as Endpoints;
    const ips = pods(cluster)
      .map((p) => p.status?.podIP)
      .sort();
    expect(endpoints.metadata.labels).toEqual({
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    });
    expect(endpoints.subsets).toEqual([
      {
        addresses: ips.map((ip) =>
          expect.objectContaining({
            ip,
            targetRef: expect.objectContaining({ kind: 'Pod', namespace: 'default' }),
          }),
        ),
        ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
      },
    ]);
    const [slice] = slicesOf(cluster, 'web');
    expect(slice?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Service',
      name: 'web',
      controller: true,
      blockOwnerDeletion: true,
    });
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }]);
    expect(slice?.endpoints?.map((e) => e.addresses[0]).sort()).toEqual(ips);
    expect(
      slice?.endpoints?.every(
        (e) => e.conditions['ready'] && e.conditions['serving'] && !e.conditions['terminating'],
      ),
    ).toBe(true);
  });

  it('follow the pods as they scale and terminate', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'web', 3);
    createService(cluster, 'web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    cluster.settle();
    scale(cluster, 'web', 1);
    cluster.advance(0);
    const terminating = pods(cluster).filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(2);
    // Endpoints drop terminating pods at once; slices keep them as serving but not ready.
    const endpoints = cluster.api.get('endpoints', 'default', 'web') as Endpoints;
    expect(endpoints.subsets?.[0]?.addresses).toHaveLength(1);
    const [slice] = slicesOf(cluster, 'web');
    const gone = slice?.endpoints?.filter((e) => e.conditions['terminating']) ?? [];
    expect(gone).toHaveLength(2);
    expect(gone.every((e) => !e.conditions['ready'] && e.conditions['serving'])).toBe(true);
    cluster.settle();
    expect(slicesOf(cluster, 'web')[0]?.endpoints).toHaveLength(1);
  });

  it('leave a service with no matching ready pod without addresses, and keep one placeholder slice', () => {
    const cluster = newCluster();
    createService(cluster, 'lonely', { selector: { app: 'nothing' }, ports: [{ port: 80 }] });
    cluster.settle();
    expect((cluster.api.get('endpoints', 'default', 'lonely') as Endpoints).subsets).toBeUndefined();
    const slices = slicesOf(cluster, 'lonely');
    expect(slices).toHaveLength(1);
    expect(slices[0]?.endpoints).toBeNull();
    expect(slices[0]?.ports).toBeNull();
  });

  it('put at most 100 endpoints in a slice', () => {
    const cluster = newCluster();
    createDeployment(cluster, 'big', 150);
    createService(cluster, 'big', { selector: { app: 'big' }, ports: [{ port: 80 }] });
    cluster.settle();
    const sizes = slicesOf(cluster, 'big')
      .map((s) => s.endpoints?.length ?? 0)
      .sort((a, b) => b - a);
    expect(sizes).toEqual([100, 50]);
    expect(pods(cluster).filter(isReady)).toHaveLength(150);
  });

  it('leave the endpoints of a service without a selector to the user, mirrored into a slice', () => {
    const cluster = newCluster();
    createService(cluster, 'external', { ports: [{ port: 80 }] });
    cluster.api.create('endpoints', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '192.168.49.100' }], ports: [{ port: 80 }] }],
    });
    cluster.settle();
    expect((cluster.api.get('endpoints', 'default', 'external') as Endpoints).subsets).toEqual([
      { addresses: [{ ip: '192.168.49.100' }], ports: [{ port: 80 }] },
    ]);
    const slices = slicesOf(cluster, 'external');
    expect(slices.map((slice) => slice.metadata.labels)).toEqual([
      {
        'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
        'kubernetes.io/service-name': 'external',
      },
    ]);
    expect(slices[0]).toMatchObject({
      endpoints: [{ addresses: ['192.168.49.100'], conditions: { ready: true } }],
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    });
  });

  it('point the kubernetes service at the API server', () => {
    const cluster = newCluster();
    expect((cluster.api.get('endpoints', 'default', 'kubernetes') as Endpoints).subsets).toEqual([
      { addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ]);
    expect(slicesOf(cluster, 'kubernetes')[0]).toMatchObject({
      metadata: { name: 'kubernetes' },
      endpoints: [{ addresses: ['192.168.49.2'], conditions: { ready: true } }],
    });
  });
});

describe('load balancer', () => {
  it('gives a LoadBalancer service an address from the pool after a few seconds, and takes it back', () => {
    const cluster = newCluster();
    createService(cluster, 'lb', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] });
    createService(cluster, 'lb2', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 81 }] });
    cluster.advance(0);
    const status = () =>
      (cluster.api.get('services', 'default', 'lb') as KubeObject & { status: unknown }).status;
    expect(status()).toEqual({ loadBalancer: {} });
    expect(event(cluster, 'lb', 'EnsuringLoadBalancer')[0]?.message).toBe('Ensuring load balancer');
    cluster.advance(5000);
    expect(status()).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.49.200', ipMode: 'VIP' }] } });
    expect(
      (cluster.api.get('services', 'default', 'lb2') as KubeObject & { status: unknown }).status,
    ).toEqual({
      loadBalancer: { ingress: [{ ip: '192.168.49.201', ipMode: 'VIP' }] },
    });
    expect(event(cluster, 'lb', 'EnsuredLoadBalancer')[0]?.message).toBe('Ensured load balancer');

    const service = cluster.api.get('services', 'default', 'lb') as KubeObject & {
      spec: Record<string, unknown>;
    };
    service.spec['type'] = 'ClusterIP';
    delete service.spec['externalTrafficPolicy'];
    for (const port of service.spec['ports'] as Record<string, unknown>[]) delete port['nodePort'];
    cluster.api.update('services', service);
    cluster.advance(0);
    expect(status()).toEqual({ loadBalancer: {} });
    expect(event(cluster, 'lb', 'DeletedLoadBalancer')[0]?.message).toBe('Deleted load balancer');
    createService(cluster, 'lb3', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 82 }] });
    cluster.advance(5000);
    expect(
      (cluster.api.get('services', 'default', 'lb3') as KubeObject & { status: unknown }).status,
    ).toEqual({
      loadBalancer: { ingress: [{ ip: '192.168.49.200', ipMode: 'VIP' }] },
    });
  });
});
