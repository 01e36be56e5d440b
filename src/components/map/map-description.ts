/** The cluster map in words, for screen readers and for anyone who prefers a list to a picture. */
import { servicePortText, type MapModel } from './map-model.ts';
import type { RouteHop } from './map-layout.ts';

export function describeMap(model: MapModel): string[] {
  const lines: string[] = [];
  for (const node of model.nodes) {
    const pods = model.pods.filter((pod) => pod.node === node.name);
    const role = node.controlPlane ? 'control plane' : 'worker';
    const podText =
      pods.length === 0
        ? 'no pods'
        : pods
            .map((pod) => {
              const details = [pod.ready ? 'ready' : pod.phase.toLowerCase(), ...pod.labels];
              if (pod.ports.length > 0) details.push(`listens on ${pod.ports.join(', ')}`);
              return `${pod.name} (${details.join(', ')})`;
            })
            .join('; ');
    lines.push(`Node ${node.name}, ${role}, IP ${node.ip}: ${podText}.`);
  }
  const unscheduled = model.pods.filter((pod) => !pod.node);
  if (unscheduled.length > 0) {
    lines.push(`Not on a node yet: ${unscheduled.map((pod) => pod.name).join(', ')}.`);
  }
  for (const service of model.services) {
    const ports = service.ports.map(servicePortText).join('; ');
    const podNames = service.endpoints.map((key) => key.split('/')[1]);
    const endpoints = podNames.length > 0 ? `forwards to ${podNames.join(', ')}` : 'no ready pods behind it';
    lines.push(
      `Service ${service.name}: ${service.type}, ClusterIP ${service.clusterIP}, ${ports}; ${endpoints}.`,
    );
  }
  if (model.services.length === 0) lines.push('No services yet.');
  return lines;
}

export function describeRoute(hops: readonly RouteHop[], ok: boolean): string {
  const steps = hops.map((hop) => {
    const port = hop.port !== undefined ? `:${hop.port}` : '';
    if (hop.kind === 'client') return hop.name;
    if (hop.kind === 'node') return `node ${hop.name} ${hop.ip ?? ''}${port}`.replace(/\s+:/, ':');
    return `${hop.kind} ${hop.name}${port}`;
  });
  return `Last request${ok ? '' : ' (failed)'}: ${steps.join(' → ')}.`;
}
