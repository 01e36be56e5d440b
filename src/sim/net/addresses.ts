/**
 * Who owns an IP address in the simulated network: nodes (InternalIP), pods (podIP), Services
 * (clusterIP, load-balancer ingress, externalIPs), and the learner's workstation on the nodes' LAN.
 */
import type { Node, Pod, Service } from '../api/types.ts';
import type { Runtime } from '../runtime.ts';

/** The workstation sits on the nodes' network, as the host of a kind or minikube cluster does. */
export const WORKSTATION_IP = '192.168.49.1';
export const WORKSTATION_NAME = 'workstation';
/** kube-dns's ClusterIP, the nameserver in every pod's resolv.conf. */
export const CLUSTER_DNS_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';

export type StoredPod = Pod & { metadata: { name: string; namespace: string } };
export type StoredService = Service & { metadata: { name: string; namespace: string } };
export type StoredNode = Node & { metadata: { name: string } };

export interface NodeAddress {
  name: string;
  ip: string;
  podCIDR: string | undefined;
}

export function nodeAddresses(runtime: Runtime): NodeAddress[] {
  return ([...runtime.api.store.peek('nodes')] as StoredNode[]).flatMap((node) => {
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    return ip ? [{ name: node.metadata.name, ip, podCIDR: node.spec?.podCIDR }] : [];
  });
}

/** Read-only views of the stored objects: routing a request must not copy every pod of the cluster. */
export function allPods(runtime: Runtime): readonly StoredPod[] {
  return [...runtime.api.store.peek('pods')] as StoredPod[];
}

export function allServices(runtime: Runtime): readonly StoredService[] {
  return [...runtime.api.store.peek('services')] as StoredService[];
}

/** The pod with this IP (not host-network pods: their IP is their node's). */
export function podByIp(runtime: Runtime, ip: string): StoredPod | undefined {
  return allPods(runtime).find(
    (pod) =>
      !pod.spec?.hostNetwork && (pod.status?.podIP === ip || pod.status?.podIPs?.some((p) => p.ip === ip)),
  );
}

export function serviceByClusterIp(runtime: Runtime, ip: string): StoredService | undefined {
  return allServices(runtime).find((svc) => svc.spec?.clusterIP === ip || svc.spec?.clusterIPs?.includes(ip));
}

/** A Service whose load balancer answers on `ip` (status.loadBalancer.ingress). */
export function serviceByLoadBalancerIp(runtime: Runtime, ip: string): StoredService | undefined {
  return allServices(runtime).find((svc) =>
    svc.status?.loadBalancer?.ingress?.some((ingress) => ingress.ip === ip),
  );
}

/** A Service with `ip` among its externalIPs and a TCP port `port`: kube-proxy's rule for that pair. */
export function serviceByExternalIpPort(
  runtime: Runtime,
  ip: string,
  port: number,
): StoredService | undefined {
  return allServices(runtime).find(
    (svc) =>
      svc.spec?.type !== 'ExternalName' &&
      svc.spec?.externalIPs?.includes(ip) &&
      svc.spec.ports?.some((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP'),
  );
}

/** The address a pod's packets leave with when a node masquerades them: the node's bridge (`cni0`). */
export function bridgeAddress(node: NodeAddress | undefined): string {
  const base = node?.podCIDR?.split('/')[0];
  if (!base) return node?.ip ?? WORKSTATION_IP;
  const octets = base.split('.');
  octets[3] = '1';
  return octets.join('.');
}

/** Whether `ip` lies in `cidr` (IPv4). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const toNumber = (address: string): number =>
    address.split('.').reduce((sum, octet) => ((sum << 8) | (Number(octet) & 255)) >>> 0, 0);
  const bits = Number(bitsText);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toNumber(ip) & mask) === (toNumber(base) & mask);
}

export function isIpv4(text: string): boolean {
  return (
    /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text) &&
    text.split('.').every((o) => Number(o) <= 255)
  );
}
