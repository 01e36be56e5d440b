import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import { StatusError } from '../../../../src/sim/api/status-error.ts';
import { formatStatusError } from '../../../../src/sim/kubectl/errors.ts';
import type { KubeObject } from '../../../../src/sim/api/types.ts';

function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec };
}

/** What kubectl would print for the API server's answer to creating `object`. */
function createError(cluster: ReturnType<typeof createCluster>, object: KubeObject): string {
  try {
    cluster.api.create('services', object);
  } catch (error) {
    if (error instanceof StatusError) return formatStatusError(error);
    throw error;
  }
  throw new Error('expected the API server to refuse');
}

const nodePortWeb = service('web', {
  type: 'NodePort',
  selector: { app: 'web' },
  ports: [{ port: 82, targetPort: 300, nodePort: 30033 }],
});

describe('Service strategy', () => {
  it('fills the defaults the API server adds', () => {
    const cluster = createCluster({ seed: 7 });
    const { object } = cluster.api.create('services', nodePortWeb);
    expect(object['spec']).toMatchObject({
      type: 'NodePort',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 82, targetPort: 300, nodePort: 30033, protocol: 'TCP' }],
    });
    const spec = object['spec'] as { clusterIP: string; clusterIPs: string[] };
    expect(spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(object['status']).toEqual({ loadBalancer: {} });
  });

  it('defaults targetPort to port and picks a node port from the range', () => {
    const cluster = createCluster({ seed: 7 });
    const { object } = cluster.api.create(
      'services',
      service('api', { type: 'NodePort', ports: [{ port: 8080 }] }),
    );
    const port = (object['spec'] as { ports: { targetPort: number; nodePort: number }[] }).ports[0];
    expect(port?.targetPort).toBe(8080);
    expect(port?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(port?.nodePort).toBeLessThanOrEqual(32767);
  });

  it('refuses a node port outside the range with the server message', () => {
    const cluster = createCluster({ seed: 7 });
    const bad = service('web', { type: 'NodePort', ports: [{ port: 82, targetPort: 300, nodePort: 80 }] });
    expect(createError(cluster, bad)).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('refuses a node port already taken, and frees it when the owner is deleted', () => {
    const cluster = createCluster({ seed: 7 });
    cluster.api.create('services', nodePortWeb);
    const second = service('web2', { type: 'NodePort', ports: [{ port: 82, nodePort: 30033 }] });
    expect(createError(cluster, second)).toBe(
      'The Service "web2" is invalid: spec.ports[0].nodePort: Invalid value: 30033: provided port is already allocated',
    );
    cluster.api.delete('services', 'default', 'web');
    expect(() => cluster.api.create('services', second)).not.toThrow();
  });

  it('gives back the ClusterIP and node port when validation fails', () => {
    const cluster = createCluster({ seed: 7 });
    const context = cluster.api.context;
    const ipsBefore = context.clusterIPs.used;
    const bad = service('Web', { type: 'NodePort', ports: [{ port: 82, nodePort: 30033 }] });
    expect(createError(cluster, bad)).toContain('metadata.name: Invalid value: "Web": a DNS-1035 label');
    expect(context.clusterIPs.used).toBe(ipsBefore);
    expect(context.nodePorts.has(30033)).toBe(false);
  });

  it('lists several errors as kubectl does, one per line', () => {
    const cluster = createCluster({ seed: 7 });
    const bad = service('web', {
      type: 'ClusterIP',
      ports: [
        { port: 0, targetPort: 'http_port' },
        { name: 'b', port: 82, protocol: 'HTTP' },
      ],
    });
    expect(createError(cluster, bad)).toBe(
      [
        'The Service "web" is invalid: ',
        '* spec.ports[0].name: Required value',
        '* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        '* spec.ports[0].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        '* spec.ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
        '',
      ].join('\n'),
    );
  });

  it('keeps the ClusterIP immutable', () => {
    const cluster = createCluster({ seed: 7 });
    const { object } = cluster.api.create('services', nodePortWeb);
    const changed = structuredClone(object);
    (changed['spec'] as { clusterIP: string }).clusterIP = '10.96.0.50';
    let text = '';
    try {
      cluster.api.update('services', changed);
    } catch (error) {
      text = formatStatusError(error as StatusError);
    }
    expect(text).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.50"]: may not change once set',
    );
  });

  it('keeps allocated values when an update leaves them out, and releases node ports on a switch to ClusterIP', () => {
    const cluster = createCluster({ seed: 7 });
    const { object } = cluster.api.create('services', nodePortWeb);
    const clusterIP = (object['spec'] as { clusterIP: string }).clusterIP;
    const update = service('web', {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ port: 82, targetPort: 300 }],
    });
    const kept = cluster.api.update('services', update).object['spec'] as {
      clusterIP: string;
      ports: { nodePort: number }[];
    };
    expect(kept.clusterIP).toBe(clusterIP);
    expect(kept.ports[0]?.nodePort).toBe(30033);

    const toClusterIP = structuredClone(cluster.api.get('services', 'default', 'web'));
    (toClusterIP['spec'] as { type: string }).type = 'ClusterIP';
    const result = cluster.api.update('services', toClusterIP).object['spec'] as Record<string, unknown>;
    expect(result['externalTrafficPolicy']).toBeUndefined();
    expect((result['ports'] as { nodePort?: number }[])[0]?.nodePort).toBeUndefined();
    expect(cluster.api.context.nodePorts.has(30033)).toBe(false);
  });

  it('does not keep anything a dry run allocated', () => {
    const cluster = createCluster({ seed: 7 });
    const { object } = cluster.api.create('services', nodePortWeb, { dryRun: true });
    expect((object['spec'] as { clusterIP: string }).clusterIP).toBeTruthy();
    expect(cluster.api.context.nodePorts.has(30033)).toBe(false);
    expect(cluster.api.tryGet('services', 'default', 'web')).toBeUndefined();
  });

  it('gives ExternalName services no ClusterIP', () => {
    const cluster = createCluster({ seed: 7 });
    const { object } = cluster.api.create(
      'services',
      service('db', { type: 'ExternalName', externalName: 'db.example.com' }),
    );
    expect(object['spec']).toEqual({
      type: 'ExternalName',
      externalName: 'db.example.com',
      sessionAffinity: 'None',
    });
  });

  it('makes headless services without allocating an IP', () => {
    const cluster = createCluster({ seed: 7 });
    const { object } = cluster.api.create(
      'services',
      service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }),
    );
    expect(object['spec']).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'] });
    const bad = service('np', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] });
    expect(createError(cluster, bad)).toBe(
      `The Service "np" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    );
  });
});
