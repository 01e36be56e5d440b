/**
 * Cluster DNS as CoreDNS answers it: `<svc>.<ns>.svc.cluster.local` is the ClusterIP, a headless
 * Service's name lists its ready pods' IPs and `<hostname>.<svc>.<ns>.svc.cluster.local` one of
 * them (a StatefulSet's `web-0.web`), an ExternalName Service is a CNAME, and
 * `a-b-c-d.<ns>.pod.cluster.local` is a pod IP. Short names go through the pod's search path
 * (`<ns>.svc.cluster.local svc.cluster.local cluster.local`, ndots:5). The workstation's resolver
 * knows none of these names.
 */
import type { Runtime } from '../runtime.ts';
import { CLUSTER_DOMAIN, isIpv4, type StoredService } from './addresses.ts';
import { serviceBackends, type Backend } from './endpoints.ts';

export type DnsRecord =
  { name: string; type: 'A'; address: string } | { name: string; type: 'CNAME'; target: string };

export type DnsResult =
  | { kind: 'found'; name: string; records: DnsRecord[]; addresses: string[] }
  | { kind: 'nxdomain'; tried: string[] };

export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** The names a resolver with this search path and ndots:5 asks for, in order. */
export function queryNames(name: string, namespace: string | undefined): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  if (namespace === undefined) return [name];
  const search = searchDomains(namespace).map((domain) => `${name}.${domain}`);
  const dots = (name.match(/\./g) ?? []).length;
  return dots >= 5 ? [name, ...search] : [...search, name];
}

/** Resolve `name` as a pod in `fromNamespace` would, or as the workstation does when it is undefined. */
export function resolveDns(runtime: Runtime, name: string, fromNamespace: string | undefined): DnsResult {
  const lower = name.toLowerCase();
  if (isIpv4(lower))
    return {
      kind: 'found',
      name: lower,
      records: [{ name: lower, type: 'A', address: lower }],
      addresses: [lower],
    };
  if (lower === 'localhost') {
    return {
      kind: 'found',
      name: lower,
      records: [{ name: lower, type: 'A', address: '127.0.0.1' }],
      addresses: ['127.0.0.1'],
    };
  }
  const tried = queryNames(lower, fromNamespace);
  if (fromNamespace === undefined) return { kind: 'nxdomain', tried };
  for (const candidate of tried) {
    const records = lookup(runtime, candidate, 0);
    if (records) {
      const addresses = records.flatMap((r) => (r.type === 'A' ? [r.address] : []));
      return { kind: 'found', name: candidate, records, addresses };
    }
  }
  return { kind: 'nxdomain', tried };
}

/** What CoreDNS answers for one name asked as is (no search path): its records, or NXDOMAIN. */
export function lookupExact(runtime: Runtime, fqdn: string): DnsRecord[] | undefined {
  return lookup(runtime, fqdn.toLowerCase().replace(/\.$/, ''), 0);
}

/** CoreDNS's kubernetes plugin for one fully qualified name. */
function lookup(runtime: Runtime, fqdn: string, depth: number): DnsRecord[] | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (fqdn.endsWith(suffix)) {
    const labels = fqdn.slice(0, -suffix.length).split('.');
    if (labels.length === 3) return endpointRecord(runtime, fqdn, labels);
    if (labels.length !== 2) return undefined;
    const [serviceName = '', namespace = ''] = labels;
    const service = runtime.api.tryGet('services', namespace, serviceName) as StoredService | undefined;
    if (!service) return undefined;
    const spec = service.spec ?? {};
    if (spec.type === 'ExternalName' && spec.externalName) {
      const target = spec.externalName.replace(/\.$/, '');
      const cname: DnsRecord = { name: fqdn, type: 'CNAME', target };
      const further = depth < 5 ? lookup(runtime, target, depth + 1) : undefined;
      return [cname, ...(further ?? [])];
    }
    if (spec.clusterIP && spec.clusterIP !== 'None')
      return [{ name: fqdn, type: 'A', address: spec.clusterIP }];
    const ips = new Set(headlessBackends(runtime, service).map((backend) => backend.ip));
    if (ips.size === 0) return undefined;
    return [...ips].sort().map((address) => ({ name: fqdn, type: 'A' as const, address }));
  }
  const pod = new RegExp(
    `^(\\d+-\\d+-\\d+-\\d+)\\.([a-z0-9-]+)\\.pod\\.${CLUSTER_DOMAIN.replace('.', '\\.')}$`,
  ).exec(fqdn);
  if (pod?.[1]) {
    const address = pod[1].replace(/-/g, '.');
    return isIpv4(address) ? [{ name: fqdn, type: 'A', address }] : undefined;
  }
  return undefined;
}

/** A headless Service's ready endpoints, over all its ports. */
function headlessBackends(runtime: Runtime, service: StoredService): Backend[] {
  return (service.spec?.ports ?? []).flatMap((port) => serviceBackends(runtime, service, port));
}

/**
 * `<endpoint>.<svc>.<ns>.svc.cluster.local` of a headless Service: the endpoint named by its
 * hostname, or by its IP with dashes (the kubernetes plugin's endpointHostname).
 */
function endpointRecord(runtime: Runtime, fqdn: string, labels: string[]): DnsRecord[] | undefined {
  const [endpointName = '', serviceName = '', namespace = ''] = labels;
  const service = runtime.api.tryGet('services', namespace, serviceName) as StoredService | undefined;
  if (!service || service.spec?.clusterIP !== 'None') return undefined;
  const ips = new Set(
    headlessBackends(runtime, service)
      .filter((backend) => (backend.hostname ?? backend.ip.replace(/\./g, '-')) === endpointName)
      .map((backend) => backend.ip),
  );
  if (ips.size === 0) return undefined;
  return [...ips].sort().map((address) => ({ name: fqdn, type: 'A' as const, address }));
}
