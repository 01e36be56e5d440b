/**
 * The backends kube-proxy programs for one Service port: the ready addresses of the Service's
 * EndpointSlices (what kube-proxy watches), or of its Endpoints object when it has no slices (a
 * Service without selector whose Endpoints a learner wrote by hand).
 */
import type { EndpointSlice, Endpoints, ServicePort } from '../api/types.ts';
import type { Runtime } from '../runtime.ts';
import type { StoredService } from './addresses.ts';

export interface Backend {
  ip: string;
  port: number;
  nodeName: string | undefined;
  /** The pod behind the address, when the endpoint says. */
  pod: { namespace: string; name: string } | undefined;
  /** The endpoint's hostname: a pod whose subdomain is this Service (a StatefulSet's pods). */
  hostname?: string | undefined;
}

export function serviceBackends(
  runtime: Runtime,
  service: StoredService,
  servicePort: ServicePort,
): Backend[] {
  const namespace = service.metadata.namespace;
  const portName = servicePort.name ?? '';
  const slices = (
    runtime.api.list('endpointslices', namespace) as unknown as (EndpointSlice & {
      metadata: { labels?: Record<string, string> };
    })[]
  ).filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name);
  if (slices.length > 0) {
    const backends: Backend[] = [];
    for (const slice of slices) {
      const port = slice.ports?.find(
        (p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP'),
      );
      if (port?.port === undefined) continue;
      for (const endpoint of slice.endpoints ?? []) {
        if (endpoint.conditions?.ready === false) continue;
        const target = endpoint.targetRef;
        for (const ip of endpoint.addresses.slice(0, 1)) {
          backends.push({
            ip,
            port: port.port,
            nodeName: endpoint.nodeName,
            hostname: endpoint.hostname,
            pod:
              target?.kind === 'Pod' && target.name
                ? { namespace: target.namespace ?? namespace, name: target.name }
                : undefined,
          });
        }
      }
    }
    return backends;
  }
  const endpoints = runtime.api.tryGet('endpoints', namespace, service.metadata.name) as
    Endpoints | undefined;
  const backends: Backend[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const port =
      subset.ports?.find((p) => (p.name ?? '') === portName) ??
      (subset.ports?.length === 1 && !portName ? subset.ports[0] : undefined);
    if (!port) continue;
    for (const address of subset.addresses ?? []) {
      const target = address.targetRef;
      backends.push({
        ip: address.ip,
        port: port.port,
        nodeName: address.nodeName,
        hostname: address.hostname,
        pod:
          target?.kind === 'Pod' && target.name
            ? { namespace: target.namespace ?? namespace, name: target.name }
            : undefined,
      });
    }
  }
  return backends;
}
