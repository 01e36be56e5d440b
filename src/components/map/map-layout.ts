/**
 * Where everything goes on the cluster map, and which parts a request's route lights up. Pure
 * geometry, so it is tested without a browser; ClusterMap draws the result as SVG.
 *
 *   workstation (outside the cluster)
 *   services: name, type, ClusterIP, port → targetPort
 *   nodes side by side (stacked when narrow), a badge per node port on each node's top edge,
 *   pods inside their node
 */
import type { MapModel, MapNode, MapPod, MapService } from './map-model.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedPod extends Box {
  id: string;
  pod: MapPod;
}

export interface NodePortBadge extends Box {
  id: string;
  port: number;
  service: string;
}

export interface PlacedNode extends Box {
  id: string;
  node: MapNode;
  badges: NodePortBadge[];
  pods: PlacedPod[];
  /** Pods on the node that did not fit. */
  morePods: number;
}

export interface PlacedService extends Box {
  id: string;
  service: MapService;
}

export interface Link {
  id: string;
  kind: 'ingress' | 'node-port' | 'endpoint';
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface MapScene {
  width: number;
  height: number;
  client: Box & { id: string };
  services: PlacedService[];
  nodes: PlacedNode[];
  links: Link[];
}

export const mapMetrics = {
  padding: 12,
  gap: 14,
  clientHeight: 34,
  minNodeWidth: 170,
  nodeHeader: 50,
  podHeight: 56,
  podGap: 8,
  maxPodsShown: 6,
  badgeWidth: 50,
  badgeHeight: 20,
  serviceWidth: 250,
  serviceLine: 17,
  serviceHeader: 54,
  band: 46,
};

export function layoutMap(model: MapModel, options: { width: number }): MapScene {
  const m = mapMetrics;
  const width = Math.max(280, Math.round(options.width));
  const inner = width - 2 * m.padding;
  const clientWidth = Math.min(220, inner);
  // Centred above the nodes, so that requests from outside fan out to every node's port.
  const client = {
    id: 'client',
    x: (width - clientWidth) / 2,
    y: m.padding,
    width: clientWidth,
    height: m.clientHeight,
  };

  // Services in rows under the workstation.
  const services: PlacedService[] = [];
  const serviceWidth = Math.min(m.serviceWidth, inner);
  const perRow = Math.max(1, Math.floor((inner + m.gap) / (serviceWidth + m.gap)));
  let y = client.y + client.height + m.band;
  let rowHeight = 0;
  model.services.forEach((service, index) => {
    const column = index % perRow;
    if (column === 0 && index > 0) {
      y += rowHeight + m.gap;
      rowHeight = 0;
    }
    const height = m.serviceHeader + (Math.max(1, service.ports.length) - 1) * m.serviceLine + 12;
    rowHeight = Math.max(rowHeight, height);
    services.push({
      id: `service:${service.key}`,
      service,
      x: m.padding + column * (serviceWidth + m.gap),
      y,
      width: serviceWidth,
      height,
    });
  });
  if (services.length > 0) y += rowHeight + m.band;

  // Nodes in columns; each holds a badge per node port and its pods.
  const nodePorts = model.services.flatMap((service) =>
    service.ports
      .filter((port) => port.nodePort)
      .map((port) => ({ service: service.key, port: port.nodePort! })),
  );
  const columns = Math.max(
    1,
    Math.min(model.nodes.length, Math.floor((inner + m.gap) / (m.minNodeWidth + m.gap))),
  );
  const nodeWidth = (inner - (columns - 1) * m.gap) / columns;
  const nodes: PlacedNode[] = [];
  rowHeight = 0;
  model.nodes.forEach((node, index) => {
    const column = index % columns;
    if (column === 0 && index > 0) {
      y += rowHeight + m.gap + m.badgeHeight;
      rowHeight = 0;
    }
    const x = m.padding + column * (nodeWidth + m.gap);
    const nodeY = y + m.badgeHeight / 2;
    const podsHere = model.pods.filter((pod) => pod.node === node.name);
    const shown = podsHere.slice(0, m.maxPodsShown);
    const pods = shown.map((pod, podIndex): PlacedPod => ({
      id: `pod:${pod.key}`,
      pod,
      x: x + 8,
      y: nodeY + m.nodeHeader + podIndex * (m.podHeight + m.podGap),
      width: nodeWidth - 16,
      height: m.podHeight,
    }));
    const morePods = podsHere.length - shown.length;
    // An empty node still has room for its "no pods" line.
    const podsHeight = shown.length > 0 ? shown.length * (m.podHeight + m.podGap) : 18;
    const height = m.nodeHeader + podsHeight + (morePods > 0 ? 22 : 0) + 6;
    const badges = nodePorts.map((nodePort, badgeIndex): NodePortBadge => ({
      id: `badge:${node.name}:${nodePort.port}`,
      port: nodePort.port,
      service: nodePort.service,
      x: x + nodeWidth - 8 - (nodePorts.length - badgeIndex) * (m.badgeWidth + 4) + 4,
      y: nodeY - m.badgeHeight / 2,
      width: m.badgeWidth,
      height: m.badgeHeight,
    }));
    rowHeight = Math.max(rowHeight, height + m.badgeHeight / 2);
    nodes.push({
      id: `node:${node.name}`,
      node,
      x,
      y: nodeY,
      width: nodeWidth,
      height,
      badges,
      pods,
      morePods,
    });
  });
  y += rowHeight;

  const links: Link[] = [];
  const serviceByKey = new Map(services.map((placed) => [placed.service.key, placed]));
  const podByKey = new Map(nodes.flatMap((node) => node.pods.map((pod) => [pod.pod.key, pod] as const)));
  for (const node of nodes) {
    for (const badge of node.badges) {
      const service = serviceByKey.get(badge.service);
      const top = { x: badge.x + badge.width / 2, y: badge.y };
      links.push({
        id: `in:${node.node.name}:${badge.port}`,
        kind: 'ingress',
        from: bottomOf(client),
        to: top,
      });
      if (service) {
        links.push({
          id: `np:${node.node.name}:${badge.port}`,
          kind: 'node-port',
          from: top,
          to: bottomOf(service),
        });
      }
    }
  }
  for (const service of services) {
    for (const podKey of service.service.endpoints) {
      const pod = podByKey.get(podKey);
      if (pod) {
        links.push({
          id: `ep:${service.service.key}:${podKey}`,
          kind: 'endpoint',
          from: bottomOf(service),
          to: { x: pod.x + pod.width / 2, y: pod.y },
        });
      }
    }
  }

  return { width, height: Math.ceil(y + m.padding), client, services, nodes, links };
}

function bottomOf(box: Box): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height };
}

/** One hop of a request's route, as the simulator reports it. */
export interface RouteHop {
  kind: 'client' | 'node' | 'service' | 'pod' | 'host';
  name: string;
  ip?: string;
  port?: number;
}

/** The ids of everything a request's route passed through, to light up. */
export function routeIds(scene: MapScene, hops: readonly RouteHop[]): Set<string> {
  const ids = new Set<string>();
  const node = hops.find((hop) => hop.kind === 'node');
  const serviceHop = hops.find((hop) => hop.kind === 'service');
  const podHop = hops.find((hop) => hop.kind === 'pod');
  const service = scene.services.find(
    (placed) => placed.service.key === serviceHop?.name || placed.service.name === serviceHop?.name,
  );
  const pod = scene.nodes
    .flatMap((placed) => placed.pods)
    .find((placed) => placed.pod.key === podHop?.name || placed.pod.name === podHop?.name);
  if (hops.some((hop) => hop.kind === 'client')) ids.add('client');
  if (node) {
    ids.add(`node:${node.name}`);
    if (node.port !== undefined) {
      ids.add(`badge:${node.name}:${node.port}`);
      if (ids.has('client')) ids.add(`in:${node.name}:${node.port}`);
      if (service) ids.add(`np:${node.name}:${node.port}`);
    }
  }
  if (service) ids.add(service.id);
  if (pod) {
    ids.add(pod.id);
    if (service) ids.add(`ep:${service.service.key}:${pod.pod.key}`);
  }
  return ids;
}
