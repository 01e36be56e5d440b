import { describe, expect, it } from 'vitest';
import type { Endpoints, Node, Pod, Service } from 'kubernetes-types/core/v1';
import { buildMapModel, type ApiObjects } from '../../../src/components/map/map-model.ts';
import { layoutMap, routeIds, type Box } from '../../../src/components/map/map-layout.ts';
import { describeMap, describeRoute } from '../../../src/components/map/map-description.ts';
import { renderMapSvg } from '../../../src/components/map/map-svg.ts';

function node(name: string, ip: string, controlPlane = false): Node {
  return {
    metadata: { name, labels: controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    status: {
      addresses: [{ type: 'InternalIP', address: ip }],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

function pod(name: string, nodeName: string, ip: string, ready = true): Pod {
  return {
    metadata: { name, namespace: 'default', labels: { app: 'web', 'pod-template-hash': '5d8f9c7b6d' } },
    spec: { nodeName, containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
    status: {
      phase: 'Running',
      podIP: ip,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

const webService: Service = {
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    type: 'NodePort',
    clusterIP: '10.96.41.182',
    selector: { app: 'web' },
    ports: [{ port: 82, targetPort: 80, nodePort: 30033, protocol: 'TCP' }],
  },
};

const webEndpoints: Endpoints = {
  metadata: { name: 'web', namespace: 'default' },
  subsets: [
    {
      addresses: [
        { ip: '10.244.1.5', targetRef: { kind: 'Pod', name: 'web-a', namespace: 'default' } },
        { ip: '10.244.2.7' },
      ],
      notReadyAddresses: [
        { ip: '10.244.2.9', targetRef: { kind: 'Pod', name: 'web-c', namespace: 'default' } },
      ],
    },
  ],
};

const objects: ApiObjects = {
  nodes: [
    node('worker-2', '192.168.49.4'),
    node('control-plane', '192.168.49.2', true),
    node('worker-1', '192.168.49.3'),
  ],
  pods: [
    pod('web-a', 'worker-1', '10.244.1.5'),
    pod('web-b', 'worker-2', '10.244.2.7'),
    pod('web-c', 'worker-2', '10.244.2.9', false),
    {
      ...pod('coredns-x', 'control-plane', '10.244.0.2'),
      metadata: { name: 'coredns-x', namespace: 'kube-system' },
    },
  ],
  services: [
    webService,
    {
      metadata: { name: 'kubernetes', namespace: 'default' },
      spec: { clusterIP: '10.96.0.1', ports: [{ port: 443 }] },
    },
  ],
  endpoints: [webEndpoints],
};

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('cluster map model', () => {
  it("shows the learner's objects: control plane first, system namespaces and the kubernetes service left off", () => {
    const model = buildMapModel(objects);
    expect(model.nodes.map((n) => `${n.name} ${n.ip} ${n.controlPlane}`)).toEqual([
      'control-plane 192.168.49.2 true',
      'worker-1 192.168.49.3 false',
      'worker-2 192.168.49.4 false',
    ]);
    expect(model.pods.map((p) => p.name)).toEqual(['web-a', 'web-b', 'web-c']);
    expect(model.pods[0]).toMatchObject({
      labels: ['app=web'],
      ports: ['80/TCP'],
      ready: true,
      node: 'worker-1',
    });
    expect(model.services.map((s) => s.name)).toEqual(['web']);
  });

  it("takes a service's endpoints from its ready addresses, by pod reference or by pod IP", () => {
    const [service] = buildMapModel(objects).services;
    expect(service).toMatchObject({
      type: 'NodePort',
      clusterIP: '10.96.41.182',
      ports: [{ port: 82, targetPort: '80', nodePort: 30033, protocol: 'TCP' }],
      endpoints: ['default/web-a', 'default/web-b'],
    });
  });
});

describe('cluster map layout', () => {
  const model = buildMapModel(objects);

  it('puts every pod inside its node, nodes side by side on a wide map, nothing overlapping', () => {
    const scene = layoutMap(model, { width: 900 });
    expect(new Set(scene.nodes.map((n) => n.y)).size).toBe(1);
    for (const placed of scene.nodes) {
      for (const p of placed.pods) {
        expect(p.pod.node).toBe(placed.node.name);
        expect(inside(p, placed)).toBe(true);
      }
    }
    const boxes: Box[] = [scene.client, ...scene.services, ...scene.nodes];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    for (const box of boxes) expect(box.x + box.width).toBeLessThanOrEqual(scene.width);
    expect(Math.max(...boxes.map((b) => b.y + b.height))).toBeLessThanOrEqual(scene.height);
  });

  it('stacks the nodes on a phone-sized map', () => {
    const scene = layoutMap(model, { width: 340 });
    expect(new Set(scene.nodes.map((n) => n.x)).size).toBe(1);
    const [first, second] = scene.nodes;
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
  });

  it('opens the node port on every node and links each to the service, and the service to its ready pods', () => {
    const scene = layoutMap(model, { width: 900 });
    expect(scene.nodes.map((n) => n.badges.map((b) => b.port))).toEqual([[30033], [30033], [30033]]);
    const ids = scene.links.map((link) => link.id);
    expect(ids.filter((id) => id.startsWith('np:'))).toEqual([
      'np:control-plane:30033',
      'np:worker-1:30033',
      'np:worker-2:30033',
    ]);
    expect(ids.filter((id) => id.startsWith('ep:'))).toEqual([
      'ep:default/web:default/web-a',
      'ep:default/web:default/web-b',
    ]);
  });

  it("lights up exactly a curl's route: workstation, node port, service, pod", () => {
    const scene = layoutMap(model, { width: 900 });
    const lit = routeIds(scene, [
      { kind: 'client', name: 'workstation' },
      { kind: 'node', name: 'worker-2', ip: '192.168.49.4', port: 30033 },
      { kind: 'service', name: 'web', port: 82 },
      { kind: 'pod', name: 'web-a', port: 80 },
    ]);
    expect([...lit].sort()).toEqual(
      [
        'client',
        'node:worker-2',
        'badge:worker-2:30033',
        'in:worker-2:30033',
        'np:worker-2:30033',
        'service:default/web',
        'ep:default/web:default/web-a',
        'pod:default/web-a',
      ].sort(),
    );
    const drawn = new Set([
      ...scene.links.map((l) => l.id),
      ...scene.nodes.flatMap((n) => [n.id, ...n.badges.map((b) => b.id), ...n.pods.map((p) => p.id)]),
      ...scene.services.map((s) => s.id),
      'client',
    ]);
    for (const id of lit) expect(drawn.has(id)).toBe(true);
  });

  it('keeps a crowded node readable by counting the pods that do not fit', () => {
    const crowded = buildMapModel({
      ...objects,
      pods: Array.from({ length: 9 }, (_, i) => pod(`web-${i}`, 'worker-1', `10.244.1.${i + 10}`)),
    });
    const worker = layoutMap(crowded, { width: 900 }).nodes.find((n) => n.node.name === 'worker-1')!;
    expect(worker.pods).toHaveLength(6);
    expect(worker.morePods).toBe(3);
  });
});

describe('cluster map text alternative', () => {
  it('says what the picture shows', () => {
    expect(describeMap(buildMapModel(objects))).toEqual([
      'Node control-plane, control plane, IP 192.168.49.2: no pods.',
      'Node worker-1, worker, IP 192.168.49.3: web-a (ready, app=web, listens on 80/TCP).',
      'Node worker-2, worker, IP 192.168.49.4: web-b (ready, app=web, listens on 80/TCP); web-c (running, app=web, listens on 80/TCP).',
      'Service web: NodePort, ClusterIP 10.96.41.182, port 82 → target port 80, node port 30033 on every node; forwards to web-a, web-b.',
    ]);
  });

  it("tells a request's route", () => {
    expect(
      describeRoute(
        [
          { kind: 'client', name: 'workstation' },
          { kind: 'node', name: 'worker-1', ip: '192.168.49.3', port: 30033 },
          { kind: 'service', name: 'web', port: 82 },
          { kind: 'pod', name: 'web-a', port: 80 },
        ],
        true,
      ),
    ).toBe('Last request: workstation → node worker-1 192.168.49.3:30033 → service web:82 → pod web-a:80.');
  });
});

describe('cluster map drawing', () => {
  it('escapes what the learner named, and marks every box and link with the id a route lights', () => {
    const hostile = buildMapModel({
      ...objects,
      pods: [
        {
          ...pod('web-a', 'worker-1', '10.244.1.5'),
          metadata: { name: 'web-a', labels: { app: '<b>&"x"' } },
        },
      ],
    });
    const scene = layoutMap(hostile, { width: 900 });
    const svg = renderMapSvg(scene, 'Cluster map <test>');
    expect(svg).toContain('app=&#60;b&#62;&#38;&#34;x&#34;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('aria-label="Cluster map &#60;test&#62;"');
    for (const id of [
      'client',
      'service:default/web',
      'node:worker-1',
      'badge:worker-1:30033',
      'pod:default/web-a',
    ]) {
      expect(svg).toContain(`data-id="${id}"`);
    }
  });
});
