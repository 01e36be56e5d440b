/** Small read helpers the checks share: typed looks at services, pods and endpoints. */
import type { Cluster } from '../../sim/index.ts';
import type { KubeObject, Pod, Service } from '../../sim/api/types.ts';
import { matchesMap } from '../../sim/api/labels/selector.ts';

export type ServiceObject = Service & KubeObject;
export type PodObject = Pod & KubeObject;

export function findService(cluster: Cluster, namespace: string, name: string): ServiceObject | undefined {
  return cluster.api.tryGet('services', namespace, name) as ServiceObject | undefined;
}

export function podsIn(cluster: Cluster, namespace: string): PodObject[] {
  return cluster.api.list('pods', namespace) as PodObject[];
}

export function isReady(pod: PodObject): boolean {
  return (
    !pod.metadata.deletionTimestamp &&
    (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

export function selectedPods(cluster: Cluster, service: ServiceObject): PodObject[] {
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return podsIn(cluster, service.metadata.namespace ?? 'default').filter((pod) =>
    matchesMap(pod.metadata.labels ?? {}, selector),
  );
}

/** Ready addresses in a Service's Endpoints object, as `ip:port`. */
export function readyEndpoints(cluster: Cluster, service: ServiceObject): string[] {
  const endpoints = cluster.api.tryGet('endpoints', service.metadata.namespace, service.metadata.name) as
    (KubeObject & { subsets?: { addresses?: { ip: string }[]; ports?: { port: number }[] }[] }) | undefined;
  const out: string[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    for (const address of subset.addresses ?? [])
      for (const port of subset.ports ?? []) out.push(`${address.ip}:${port.port}`);
  }
  return out;
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '(no labels)' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

export function nodeAddresses(cluster: Cluster): { name: string; ip: string }[] {
  return cluster.api.list('nodes').map((node) => {
    const addresses =
      (node['status'] as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
    return { name: node.metadata.name, ip: addresses.find((a) => a.type === 'InternalIP')?.address ?? '' };
  });
}

/** Pods a Deployment owns through its ReplicaSets (not pods whose names merely start alike). */
export function podsOfDeployment(cluster: Cluster, namespace: string, deployment: string): PodObject[] {
  const replicaSets = new Set(
    cluster.api
      .list('replicasets', namespace)
      .filter((rs) =>
        rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === deployment),
      )
      .map((rs) => rs.metadata.name),
  );
  return podsIn(cluster, namespace).filter((pod) =>
    pod.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && replicaSets.has(o.name)),
  );
}

/** An image reference as the registry sees it: `nginx` is `docker.io/library/nginx:latest`. */
export function canonicalImage(reference: string): string {
  let name = reference;
  const lastSlash = name.lastIndexOf('/');
  if (!name.includes('@') && name.lastIndexOf(':') <= lastSlash) name += ':latest';
  const first = name.split('/')[0] ?? '';
  const hasRegistry =
    name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = `docker.io/${name.includes('/') ? '' : 'library/'}${name}`;
  return name;
}
