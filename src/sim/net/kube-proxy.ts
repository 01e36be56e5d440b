/**
 * Where a TCP connection to IP:port ends up, following what kube-proxy's rules and the network do:
 * a ClusterIP answers only inside the cluster (the workstation has no route: timeout); a NodePort is
 * open on every node's InternalIP; a load-balancer IP forwards its Service ports; the Service port
 * maps to the endpoint's targetPort and one ready endpoint is picked at random per connection; a
 * Service without endpoints is REJECTed (connection refused at once); a pod port nobody listens on
 * refuses; `externalTrafficPolicy: Local` drops on nodes without a local endpoint.
 */
import type { Container, ServicePort } from '../api/types.ts';
import type { Runtime } from '../runtime.ts';
import type { TrafficHop } from '../cluster-types.ts';
import type { NetworkOrigin } from '../shell/command.ts';
import { findImage, listeningPorts, type ImageSpec } from './images.ts';
import {
  allPods,
  allServices,
  bridgeAddress,
  nodeAddresses,
  podByIp,
  serviceByClusterIp,
  serviceByExternalIpPort,
  serviceByLoadBalancerIp,
  WORKSTATION_IP,
  WORKSTATION_NAME,
  type NodeAddress,
  type StoredPod,
  type StoredService,
} from './addresses.ts';
import { serviceBackends, type Backend } from './endpoints.ts';
import { outsideHostByIp, type OutsideHost } from './outside-hosts.ts';
import { affinityKey } from './session-affinity.ts';

export const API_SERVER_PORT = 6443;
/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_AFFINITY_SECONDS = 10_800;

export type Listener =
  | { kind: 'container'; pod: StoredPod; container: Container; image: ImageSpec; ip: string; port: number }
  | { kind: 'apiserver'; ip: string; port: number }
  | { kind: 'outside'; host: OutsideHost; ip: string; port: number };

export type Connection =
  | { kind: 'open'; listener: Listener; clientIp: string; clientPort: number; hops: TrafficHop[] }
  | { kind: 'refused' | 'timeout'; hops: TrafficHop[] };

interface Source {
  hop: TrafficHop;
  ip: string;
  /** The node the client runs on (a pod's node); undefined for the workstation. */
  node: string | undefined;
  pod: StoredPod | undefined;
}

export function connect(runtime: Runtime, origin: NetworkOrigin, ip: string, port: number): Connection {
  const source = describeSource(runtime, origin);
  const hops: TrafficHop[] = [source.hop];
  const clientPort = 32768 + runtime.random.int(28000);
  const inside = origin.kind === 'pod';
  const nodes = nodeAddresses(runtime);

  if (ip === '127.0.0.1' || ip === '::1') {
    if (source.pod) return deliverToPod(source.pod, ip, port, source.ip, clientPort, hops);
    // `kubectl port-forward` listening on the workstation: the API server tunnels to the pod.
    const forward = runtime.portForwards.find(port);
    const pod =
      forward && (runtime.api.store.get('pods', forward.namespace, forward.pod) as StoredPod | undefined);
    if (!forward || !pod) return { kind: 'refused', hops };
    forward.connected();
    return deliverToPod(pod, pod.status?.podIP ?? ip, forward.port, '127.0.0.1', clientPort, hops);
  }

  const clusterService = serviceByClusterIp(runtime, ip);
  if (clusterService) {
    hops.push({ kind: 'service', name: clusterService.metadata.name, ip, port });
    // The service network exists only in the nodes' iptables rules.
    if (!inside) return { kind: 'timeout', hops };
    const servicePort = clusterService.spec?.ports?.find(
      (p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP',
    );
    if (!servicePort) return { kind: 'timeout', hops };
    const localOnly = clusterService.spec?.internalTrafficPolicy === 'Local' ? source.node : undefined;
    return viaService(runtime, clusterService, servicePort, localOnly, source.ip, clientPort, hops, nodes);
  }

  const node = nodes.find((n) => n.ip === ip);
  if (node) {
    hops.push({ kind: 'node', name: node.name, ip, port });
    const service = allServices(runtime).find(
      (svc) =>
        (svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer') &&
        svc.spec?.ports?.some((p) => p.nodePort === port),
    );
    if (service) {
      const servicePort = service.spec?.ports?.find((p) => p.nodePort === port) as ServicePort;
      hops.push({
        kind: 'service',
        name: service.metadata.name,
        ip: service.spec?.clusterIP,
        port: servicePort.port,
      });
      return viaExternalPolicy(runtime, service, servicePort, node, source, clientPort, hops, nodes);
    }
    const onExternalIp = serviceByExternalIpPort(runtime, ip, port);
    if (onExternalIp)
      return viaExternalIp(runtime, onExternalIp, ip, port, node, source, clientPort, hops, nodes);
    return deliverToNode(runtime, node, port, source.ip, clientPort, hops);
  }

  const onExternalIp = serviceByExternalIpPort(runtime, ip, port);
  if (onExternalIp) {
    // kube-proxy catches packets to an external IP on every node, so a pod's own node answers; the
    // workstation's packets reach no node unless the network routes the IP to one.
    const podNode = nodes.find((n) => n.name === source.node);
    if (!podNode) {
      hops.push({ kind: 'service', name: onExternalIp.metadata.name, ip, port });
      return { kind: 'timeout', hops };
    }
    return viaExternalIp(runtime, onExternalIp, ip, port, podNode, source, clientPort, hops, nodes);
  }

  const external = serviceByLoadBalancerIp(runtime, ip);
  if (external) {
    const servicePort = external.spec?.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    hops.push({ kind: 'service', name: external.metadata.name, ip, port });
    if (!servicePort) return { kind: 'refused', hops };
    // MetalLB's layer-2 mode: one node answers for the IP; kube-proxy takes it from there.
    const announcing = nodes.find((n) => !isControlPlane(runtime, n.name)) ?? nodes[0];
    return viaExternalPolicy(runtime, external, servicePort, announcing, source, clientPort, hops, nodes);
  }

  const pod = podByIp(runtime, ip);
  if (pod) {
    // Pod IPs are routed between the nodes only; the workstation's packets go nowhere.
    if (!inside) {
      hops.push({ kind: 'pod', name: pod.metadata.name, ip, port });
      return { kind: 'timeout', hops };
    }
    return deliverToPod(pod, ip, port, source.ip, clientPort, hops);
  }
  const outside = outsideHostByIp(ip);
  if (outside) return deliverOutside(runtime, nodes, outside, port, source.ip, clientPort, hops);
  if (ip === WORKSTATION_IP) return { kind: 'refused', hops };
  return { kind: 'timeout', hops };
}

/** A Service's externalIPs: its port on that IP, with externalTrafficPolicy as for a node port. */
function viaExternalIp(
  runtime: Runtime,
  service: StoredService,
  ip: string,
  port: number,
  node: NodeAddress,
  source: Source,
  clientPort: number,
  hops: TrafficHop[],
  nodes: NodeAddress[],
): Connection {
  const servicePort = service.spec?.ports?.find(
    (p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP',
  ) as ServicePort;
  hops.push({ kind: 'service', name: service.metadata.name, ip, port });
  return viaExternalPolicy(runtime, service, servicePort, node, source, clientPort, hops, nodes);
}

function describeSource(runtime: Runtime, origin: NetworkOrigin): Source {
  if (origin.kind === 'workstation') {
    return {
      hop: { kind: 'client', name: WORKSTATION_NAME, ip: WORKSTATION_IP },
      ip: WORKSTATION_IP,
      node: undefined,
      pod: undefined,
    };
  }
  const pod = runtime.api.tryGet('pods', origin.namespace, origin.name) as StoredPod | undefined;
  const ip = pod?.status?.podIP ?? '0.0.0.0';
  return { hop: { kind: 'client', name: origin.name, ip }, ip, node: pod?.spec?.nodeName, pod };
}

function isControlPlane(runtime: Runtime, nodeName: string): boolean {
  const node = runtime.api.tryGet('nodes', undefined, nodeName);
  return node?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
}

/** NodePort and load-balancer traffic: `Cluster` masquerades and may cross nodes, `Local` keeps the client IP. */
function viaExternalPolicy(
  runtime: Runtime,
  service: StoredService,
  servicePort: ServicePort,
  node: NodeAddress | undefined,
  source: Source,
  clientPort: number,
  hops: TrafficHop[],
  nodes: NodeAddress[],
): Connection {
  if (service.spec?.externalTrafficPolicy === 'Local') {
    return viaService(runtime, service, servicePort, node?.name, source.ip, clientPort, hops, nodes, true);
  }
  return viaService(
    runtime,
    service,
    servicePort,
    undefined,
    source.ip,
    clientPort,
    hops,
    nodes,
    false,
    node,
  );
}

function viaService(
  runtime: Runtime,
  service: StoredService,
  servicePort: ServicePort,
  onlyNode: string | undefined,
  clientIp: string,
  clientPort: number,
  hops: TrafficHop[],
  nodes: NodeAddress[],
  dropWhenNoLocal = false,
  masqueradeAt?: NodeAddress,
): Connection {
  let backends: Backend[] = serviceBackends(runtime, service, servicePort);
  if (
    backends.length === 0 &&
    service.metadata.namespace === 'default' &&
    service.metadata.name === 'kubernetes'
  ) {
    const controlPlane = nodes.find((n) => isControlPlane(runtime, n.name)) ?? nodes[0];
    if (controlPlane)
      backends = [
        { ip: controlPlane.ip, port: API_SERVER_PORT, nodeName: controlPlane.name, pod: undefined },
      ];
  }
  // No endpoints at all: kube-proxy installs a REJECT rule, the client hears "connection refused".
  if (backends.length === 0) return { kind: 'refused', hops };
  if (onlyNode !== undefined || dropWhenNoLocal) {
    backends = backends.filter((b) => b.nodeName === onlyNode);
    if (backends.length === 0) return { kind: 'timeout', hops };
  }
  const backend = chooseBackend(runtime, service, servicePort, clientIp, backends);
  let seenClientIp = clientIp;
  if (masqueradeAt) {
    const sameNode = backend.nodeName === masqueradeAt.name;
    // MASQUERADE takes the outgoing interface's address: the bridge locally, the overlay (.0) across nodes.
    seenClientIp = sameNode ? bridgeAddress(masqueradeAt) : bridgeAddress(masqueradeAt).replace(/\.1$/, '.0');
  }
  const node = nodes.find((n) => n.ip === backend.ip);
  if (node) return deliverToNode(runtime, node, backend.port, seenClientIp, clientPort, hops);
  const outside = outsideHostByIp(backend.ip);
  if (outside) return deliverOutside(runtime, nodes, outside, backend.port, seenClientIp, clientPort, hops);
  const pod = backend.pod
    ? (runtime.api.tryGet('pods', backend.pod.namespace, backend.pod.name) as StoredPod | undefined)
    : podByIp(runtime, backend.ip);
  if (!pod) {
    hops.push({ kind: 'pod', name: backend.ip, ip: backend.ip, port: backend.port });
    return { kind: 'timeout', hops };
  }
  return deliverToPod(pod, backend.ip, backend.port, seenClientIp, clientPort, hops);
}

/**
 * One ready endpoint at random per connection; with `sessionAffinity: ClientIP` the one this
 * client IP (as the Service sees it, before any SNAT) used last, while fresh and still ready.
 */
function chooseBackend(
  runtime: Runtime,
  service: StoredService,
  servicePort: ServicePort,
  clientIp: string,
  backends: Backend[],
): Backend {
  if (service.spec?.sessionAffinity !== 'ClientIP')
    return backends[runtime.random.int(backends.length)] as Backend;
  const timeout = service.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
  const key = affinityKey(
    service.metadata.namespace,
    service.metadata.name,
    servicePort.name ?? '',
    clientIp,
  );
  const now = runtime.clock.now();
  const remembered = runtime.sessionAffinity.lookup(key, now, timeout);
  const backend =
    backends.find((b) => b.ip === remembered?.ip && b.port === remembered.port) ??
    (backends[runtime.random.int(backends.length)] as Backend);
  runtime.sessionAffinity.remember(key, backend.ip, backend.port, now);
  return backend;
}

/** A node's own listeners: the API server on the control plane, host-network pods. */
function deliverToNode(
  runtime: Runtime,
  node: NodeAddress,
  port: number,
  clientIp: string,
  clientPort: number,
  hops: TrafficHop[],
): Connection {
  const hostPods = allPods(runtime).filter((p) => p.spec?.hostNetwork && p.spec.nodeName === node.name);
  for (const pod of hostPods) {
    const listener = podListener(pod, node.ip, port);
    if (listener && listener.image.serve) {
      hops.push({ kind: 'pod', name: pod.metadata.name, ip: node.ip, port });
      return { kind: 'open', listener, clientIp, clientPort, hops };
    }
  }
  if (port === API_SERVER_PORT && isControlPlane(runtime, node.name)) {
    return { kind: 'open', listener: { kind: 'apiserver', ip: node.ip, port }, clientIp, clientPort, hops };
  }
  return { kind: 'refused', hops };
}

/** A machine outside the cluster: a pod's packets leave through its node, which masquerades them. */
function deliverOutside(
  runtime: Runtime,
  nodes: NodeAddress[],
  host: OutsideHost,
  port: number,
  clientIp: string,
  clientPort: number,
  hops: TrafficHop[],
): Connection {
  hops.push({ kind: 'host', name: host.name, ip: host.ip, port });
  if (!host.listens.includes(port)) return { kind: 'refused', hops };
  const podNode = podByIp(runtime, clientIp)?.spec?.nodeName;
  const seenClientIp = nodes.find((n) => n.name === podNode)?.ip ?? clientIp;
  return {
    kind: 'open',
    listener: { kind: 'outside', host, ip: host.ip, port },
    clientIp: seenClientIp,
    clientPort,
    hops,
  };
}

function deliverToPod(
  pod: StoredPod,
  ip: string,
  port: number,
  clientIp: string,
  clientPort: number,
  hops: TrafficHop[],
): Connection {
  hops.push({ kind: 'pod', name: pod.metadata.name, ip, port });
  if (!pod.status?.podIP) return { kind: 'timeout', hops };
  const listener = podListener(pod, ip, port);
  return listener ? { kind: 'open', listener, clientIp, clientPort, hops } : { kind: 'refused', hops };
}

/** The running container of `pod` whose app listens on `port`. */
function podListener(
  pod: StoredPod,
  ip: string,
  port: number,
): Extract<Listener, { kind: 'container' }> | undefined {
  for (const container of pod.spec?.containers ?? []) {
    const image = findImage(container.image ?? '');
    if (!image || !listeningPorts(image, container).includes(port)) continue;
    const status = pod.status?.containerStatuses?.find((s) => s.name === container.name);
    const running = status ? status.state?.running !== undefined : pod.status?.phase === 'Running';
    if (running) return { kind: 'container', pod, container, image, ip, port };
  }
  return undefined;
}
