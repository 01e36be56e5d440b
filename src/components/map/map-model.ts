/**
 * What the cluster map shows, read from the cluster's API objects: nodes, the learner's pods and
 * services, and which ready pods each service forwards to. Pure: plain objects in, plain data out.
 */
import type { Endpoints, Node, Pod, Service } from 'kubernetes-types/core/v1';

export interface MapNode {
  name: string;
  ip: string;
  controlPlane: boolean;
  ready: boolean;
}

export interface MapPod {
  key: string;
  name: string;
  namespace: string;
  node: string | undefined;
  labels: string[];
  ports: string[];
  ready: boolean;
  phase: string;
}

export interface MapServicePort {
  name: string | undefined;
  protocol: string;
  port: number;
  targetPort: string;
  nodePort: number | undefined;
}

export interface MapService {
  key: string;
  name: string;
  namespace: string;
  type: string;
  clusterIP: string;
  ports: MapServicePort[];
  selector: string[];
  /** Keys of the ready pods behind the service (its endpoints). */
  endpoints: string[];
}

export interface MapModel {
  nodes: MapNode[];
  pods: MapPod[];
  services: MapService[];
}

/** Namespaces whose objects are the cluster's own, not the learner's: left off the map. */
const systemNamespaces = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export interface ApiObjects {
  nodes: readonly Node[];
  pods: readonly Pod[];
  services: readonly Service[];
  endpoints: readonly Endpoints[];
}

export function buildMapModel(objects: ApiObjects): MapModel {
  const nodes = objects.nodes
    .map((node): MapNode => ({
      name: node.metadata?.name ?? '',
      ip: node.status?.addresses?.find((address) => address.type === 'InternalIP')?.address ?? '',
      controlPlane: Object.keys(node.metadata?.labels ?? {}).includes(
        'node-role.kubernetes.io/control-plane',
      ),
      ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    }))
    .toSorted((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || a.name.localeCompare(b.name));

  const pods = objects.pods
    .filter((pod) => !systemNamespaces.has(pod.metadata?.namespace ?? 'default'))
    .map((pod): MapPod => {
      const namespace = pod.metadata?.namespace ?? 'default';
      const name = pod.metadata?.name ?? '';
      return {
        key: `${namespace}/${name}`,
        name,
        namespace,
        node: pod.spec?.nodeName,
        labels: Object.entries(pod.metadata?.labels ?? {})
          .filter(([key]) => key !== 'pod-template-hash')
          .map(([key, value]) => `${key}=${value}`),
        ports: (pod.spec?.containers ?? []).flatMap((container) =>
          (container.ports ?? []).map(
            (port) => `${port.containerPort}/${port.protocol ?? 'TCP'}${port.name ? ` (${port.name})` : ''}`,
          ),
        ),
        ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
        phase: pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Pending'),
      };
    })
    .toSorted((a, b) => a.key.localeCompare(b.key));

  const podKeyByIp = new Map<string, string>();
  for (const pod of objects.pods) {
    const ip = pod.status?.podIP;
    if (ip) podKeyByIp.set(ip, `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name}`);
  }

  const services = objects.services
    .filter((service) => !systemNamespaces.has(service.metadata?.namespace ?? 'default'))
    .filter(
      (service) => !(service.metadata?.namespace === 'default' && service.metadata?.name === 'kubernetes'),
    )
    .map((service): MapService => {
      const namespace = service.metadata?.namespace ?? 'default';
      const name = service.metadata?.name ?? '';
      const endpoints = objects.endpoints.find(
        (candidate) =>
          candidate.metadata?.name === name && (candidate.metadata?.namespace ?? 'default') === namespace,
      );
      const ready = (endpoints?.subsets ?? []).flatMap((subset) => subset.addresses ?? []);
      return {
        key: `${namespace}/${name}`,
        name,
        namespace,
        type: service.spec?.type ?? 'ClusterIP',
        clusterIP: service.spec?.clusterIP ?? '',
        ports: (service.spec?.ports ?? []).map((port) => ({
          name: port.name,
          protocol: port.protocol ?? 'TCP',
          port: port.port,
          targetPort: String(port.targetPort ?? port.port),
          nodePort: port.nodePort,
        })),
        selector: Object.entries(service.spec?.selector ?? {}).map(([key, value]) => `${key}=${value}`),
        endpoints: [
          ...new Set(
            ready
              .map((address) =>
                address.targetRef?.kind === 'Pod'
                  ? `${address.targetRef.namespace ?? namespace}/${address.targetRef.name}`
                  : podKeyByIp.get(address.ip),
              )
              .filter((key): key is string => key !== undefined),
          ),
        ],
      };
    })
    .toSorted((a, b) => a.key.localeCompare(b.key));

  return { nodes, pods, services };
}

export function servicePortText(port: MapServicePort): string {
  const nodePort = port.nodePort ? `, node port ${port.nodePort} on every node` : '';
  return `port ${port.port} → target port ${port.targetPort}${nodePort}`;
}
