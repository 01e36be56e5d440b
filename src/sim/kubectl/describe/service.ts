/** describeService: selector, type, IPs, each port with its endpoints (from EndpointSlices), policies, events. */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { PrefixWriter, LEVEL_0 } from './writer.ts';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { formatLabels } from '../printers/tables/table.ts';
import type { Describer } from './describer.ts';

export const describeService: Describer = (object, context) => {
  const svc = object as unknown as Service;
  const spec = svc.spec ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(
    LEVEL_0,
    `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? (spec.ipFamilies ?? []).join(',') : '<none>'}\n`,
  );
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(
    LEVEL_0,
    `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? (spec.clusterIPs ?? []).join(',') : '<none>'}\n`,
  );
  if ((spec.externalIPs ?? []).length > 0)
    w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map(ingressText).join(', ')}\n`);
  const slices = slicesOf(context.runtime, object.metadata.namespace, object.metadata.name);
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${port.protocol ?? ''}\n`);
    w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? ''}/${port.protocol ?? ''}\n`);
    if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${port.protocol ?? ''}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy)
    w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy)
    w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
    w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`);
  }
  if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};

/** buildIngressString: `192.168.49.200` or `host (ip)` with the port statuses, comma separated. */
function ingressText(ingress: { ip?: string; hostname?: string }): string {
  return ingress.ip ?? ingress.hostname ?? '';
}

function slicesOf(runtime: DescribeRuntime, namespace: string | undefined, service: string): EndpointSlice[] {
  const slices: EndpointSlice[] = [];
  for (const object of runtime.api.store.peek('endpointslices', namespace)) {
    if (object.metadata.labels?.['kubernetes.io/service-name'] === service)
      slices.push(object as unknown as EndpointSlice);
  }
  return slices.sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
}

type DescribeRuntime = Parameters<Describer>[1]['runtime'];

/** formatEndpointSlices: ready addresses with the port of that name, three at most, then `+ N more...`. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const endpoint of endpoints) {
        if (list.length === max) more = true;
        const ready = endpoint.conditions?.ready ?? true;
        if (!more && ready) list.push(endpoint.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const endpoint of endpoints) {
        if (list.length === max) more = true;
        const ready = endpoint.conditions?.ready ?? true;
        if (!more && ready) {
          const address = endpoint.addresses[0] ?? '';
          list.push(address.includes(':') ? `[${address}]:${port.port}` : `${address}:${port.port}`);
        }
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}
