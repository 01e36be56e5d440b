/** The cluster map's scene as SVG markup. Text is escaped: names and labels come from the learner. */
import type { MapScene, PlacedNode, PlacedPod, PlacedService } from './map-layout.ts';
import { mapMetrics } from './map-layout.ts';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Shorten to `max` characters with an ellipsis; the full text is in the <title> and the description. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function charsFor(width: number, charWidth = 6.6): number {
  return Math.floor(width / charWidth);
}

export function renderMapSvg(scene: MapScene, label: string): string {
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${scene.width} ${scene.height}" width="${scene.width}" height="${scene.height}" role="img" aria-label="${escapeXml(label)}">`,
  );
  // Links under the boxes, except the requests coming in from outside: those are drawn over the
  // services so that a lit route visibly reaches the node port it entered by.
  const link = (kind: (typeof scene.links)[number]['kind']) =>
    scene.links
      .filter((candidate) => candidate.kind === kind)
      .map((candidate) => {
        const midY = (candidate.from.y + candidate.to.y) / 2;
        const { from, to } = candidate;
        const path = `M${from.x} ${from.y} C${from.x} ${midY} ${to.x} ${midY} ${to.x} ${to.y}`;
        return `<path class="link ${kind}" data-id="${escapeXml(candidate.id)}" d="${path}"/>`;
      })
      .join('');
  parts.push(`<g class="links">${link('node-port')}${link('endpoint')}</g>`);
  const c = scene.client;
  parts.push(
    `<g class="client" data-id="client"><rect x="${c.x}" y="${c.y}" width="${c.width}" height="${c.height}" rx="17"/>` +
      `<text x="${c.x + c.width / 2}" y="${c.y + 21}" text-anchor="middle">Workstation (outside)</text></g>`,
  );
  for (const service of scene.services) parts.push(serviceSvg(service));
  parts.push(`<g class="links">${link('ingress')}</g>`);
  for (const node of scene.nodes) parts.push(nodeSvg(node));
  parts.push('</svg>');
  return parts.join('');
}

function serviceSvg(placed: PlacedService): string {
  const { service, x, y, width, height } = placed;
  const chars = charsFor(width - 20);
  const lines = service.ports.map((port) => {
    const nodePort = port.nodePort ? ` · node ${port.nodePort}` : '';
    return `port ${port.port} → target ${port.targetPort}${nodePort}`;
  });
  const text = lines
    .map(
      (line, index) =>
        `<text class="ports" x="${x + 10}" y="${y + mapMetrics.serviceHeader + index * mapMetrics.serviceLine}">${escapeXml(fit(line, chars))}</text>`,
    )
    .join('');
  return (
    `<g class="service" data-id="${escapeXml(placed.id)}"><title>${escapeXml(`Service ${service.name}`)}</title>` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8"/>` +
    `<text class="name" x="${x + 10}" y="${y + 18}">${escapeXml(fit(`svc/${service.name}`, chars - 10))}</text>` +
    `<text class="kind" x="${x + width - 10}" y="${y + 18}" text-anchor="end">${escapeXml(service.type)}</text>` +
    `<text class="ip" x="${x + 10}" y="${y + 36}">${escapeXml(`ClusterIP ${service.clusterIP}`)}</text>` +
    text +
    '</g>'
  );
}

function nodeSvg(placed: PlacedNode): string {
  const { node, x, y, width, height } = placed;
  const chars = charsFor(width - 20);
  const role = node.controlPlane ? 'control plane' : 'worker';
  const parts = [
    `<g class="node${node.controlPlane ? ' control-plane' : ''}" data-id="${escapeXml(placed.id)}">`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="10"/>`,
    `<text class="name" x="${x + 10}" y="${y + 22}">${escapeXml(fit(node.name, chars - placed.badges.length * 8))}</text>`,
    `<text class="ip" x="${x + 10}" y="${y + 39}">${escapeXml(`${node.ip} · ${role}`)}</text>`,
  ];
  for (const badge of placed.badges) {
    parts.push(
      `<g class="badge" data-id="${escapeXml(badge.id)}"><title>${escapeXml(`node port ${badge.port}`)}</title>` +
        `<rect x="${badge.x}" y="${badge.y}" width="${badge.width}" height="${badge.height}" rx="10"/>` +
        `<text x="${badge.x + badge.width / 2}" y="${badge.y + 14}" text-anchor="middle">${badge.port}</text></g>`,
    );
  }
  for (const pod of placed.pods) parts.push(podSvg(pod));
  if (placed.morePods > 0) {
    const last = placed.pods.at(-1)!;
    parts.push(
      `<text class="more" x="${x + 10}" y="${last.y + last.height + 18}">+ ${placed.morePods} more pods</text>`,
    );
  }
  if (placed.pods.length === 0) {
    parts.push(
      `<text class="empty" x="${x + 10}" y="${y + 58}">${node.controlPlane ? 'no app pods (tainted)' : 'no pods'}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function podSvg(placed: PlacedPod): string {
  const { pod, x, y, width, height } = placed;
  const chars = charsFor(width - 16);
  const nameChars = charsFor(width - 16, 7.6);
  const state = pod.ready ? 'ready' : pod.phase.toLowerCase();
  return (
    `<g class="pod ${pod.ready ? 'ready' : 'not-ready'}" data-id="${escapeXml(placed.id)}">` +
    `<title>${escapeXml(`Pod ${pod.name}: ${state}`)}</title>` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="7"/>` +
    `<text class="name" x="${x + 8}" y="${y + 17}">${escapeXml(fit(pod.name, nameChars))}</text>` +
    `<text class="labels" x="${x + 8}" y="${y + 33}">${escapeXml(fit(pod.labels.join(' ') || 'no labels', chars - state.length - 2))}</text>` +
    `<text class="state" x="${x + width - 8}" y="${y + 33}" text-anchor="end">${escapeXml(state)}</text>` +
    `<text class="ports" x="${x + 8}" y="${y + 48}">${escapeXml(fit(pod.ports.length ? `listens on ${pod.ports.join(', ')}` : 'no declared ports', chars))}</text>` +
    '</g>'
  );
}
