/** `kubectl get services`: TYPE, CLUSTER-IP, EXTERNAL-IP (`<none>`, `<pending>`), PORT(S) `82:30033/TCP`. */
import type { Service } from 'kubernetes-types/core/v1';
import { age } from '../duration.ts';
import { formatLabels, type TableDefinition } from './table.ts';

/** EXTERNAL-IP is clipped to 16 characters outside `-o wide`. */
const LOAD_BALANCER_WIDTH = 16;

export const serviceTable: TableDefinition = {
  columns: [
    { name: 'Name' },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', wide: true },
  ],
  cells(object, context) {
    const svc = object as unknown as Service;
    const spec = svc.spec ?? {};
    const cells = [
      svc.metadata?.name ?? '',
      spec.type ?? '',
      spec.clusterIPs?.[0] ?? '<none>',
      externalIP(svc, context.wide),
      servicePorts(svc) || '<none>',
      age(svc.metadata?.creationTimestamp, context.nowMs),
    ];
    if (context.wide) cells.push(formatLabels(spec.selector));
    return cells;
  },
};

export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) =>
      p.nodePort && p.nodePort > 0
        ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}`
        : `${p.port}/${p.protocol ?? ''}`,
    )
    .join(',');
}

function loadBalancerStatus(svc: Service, wide: boolean): string {
  const set = new Set<string>();
  for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) set.add(ingress.ip);
    else if (ingress.hostname) set.add(ingress.hostname);
  }
  let text = [...set].sort().join(',');
  if (!wide && text.length > LOAD_BALANCER_WIDTH) text = `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return text;
}

export function externalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(svc, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}
