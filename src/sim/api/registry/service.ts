/**
 * The Service registry: defaulting (SetDefaults_Service), the strategy's type-dependent field
 * clean-up, and the allocator transaction of pkg/registry/core/service/storage/alloc.go: a
 * ClusterIP and node ports are taken before validation and given back if it fails.
 */
import type { Strategy } from '../strategy.ts';
import type { ApiContext } from '../context.ts';
import type { KubeObject, Service, ServicePort } from '../types.ts';
import { StatusError } from '../status-error.ts';
import { fieldErrors, type FieldError } from '../field-errors.ts';
import { AllocationError } from '../allocators/errors.ts';
import { serviceWarnings } from '../validation/service-warnings.ts';
import {
  externallyAccessible,
  needsHealthCheck,
  validateService,
  validateServiceUpdate,
} from '../validation/service.ts';

type ServiceObject = Service & KubeObject;
type MutableSpec = NonNullable<ServiceObject['spec']> & Record<string, unknown>;

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

function spec(object: KubeObject): MutableSpec {
  object['spec'] ??= {};
  return object['spec'] as MutableSpec;
}

function needsClusterIP(service: ServiceObject): boolean {
  return service.spec?.type !== 'ExternalName';
}

function needsNodePorts(service: ServiceObject): boolean {
  const s = service.spec;
  return s?.type === 'NodePort' || (s?.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
}

/** SetDefaults_Service: what the API server fills in when it decodes a Service. */
export function defaultService(object: KubeObject): void {
  const s = spec(object);
  s.sessionAffinity ||= 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP' && s.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  s.type ||= 'ClusterIP';
  for (const port of (s.ports ?? []) as ServicePort[]) {
    const mutable = port as { -readonly [K in keyof ServicePort]: ServicePort[K] };
    mutable.protocol ||= 'TCP';
    if (mutable.targetPort === undefined || mutable.targetPort === 0 || mutable.targetPort === '')
      mutable.targetPort = mutable.port;
  }
  const service = object as ServiceObject;
  if (externallyAccessible(service) && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (s.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type))
    s.internalTrafficPolicy = 'Cluster';
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined)
    s.allocateLoadBalancerNodePorts = true;
}

/** normalizeClusterIPs: keep `clusterIP` and `clusterIPs` saying the same thing. */
function normalizeClusterIPs(object: ServiceObject, old: ServiceObject | undefined): void {
  const s = spec(object);
  const oldSpec = old?.spec;
  const sameIPs = JSON.stringify(s.clusterIPs ?? []) === JSON.stringify(oldSpec?.clusterIPs ?? []);
  if (!s.clusterIPs || s.clusterIPs.length === 0) {
    if (!s.clusterIP) return;
    if (oldSpec && s.clusterIP === oldSpec.clusterIP) s.clusterIPs = oldSpec.clusterIPs;
    else s.clusterIPs = [s.clusterIP];
    return;
  }
  if (oldSpec) {
    if (!s.clusterIP && oldSpec.clusterIP && sameIPs) {
      delete s.clusterIPs;
      return;
    }
    if (s.clusterIP && s.clusterIP !== oldSpec.clusterIP && sameIPs) {
      s.clusterIPs = [s.clusterIP, ...s.clusterIPs.slice(1)];
      return;
    }
  }
  if (!s.clusterIP) s.clusterIP = s.clusterIPs[0];
}

/** patchAllocatedValues: an update that leaves out what the server allocated keeps it. */
function patchAllocatedValues(object: ServiceObject, old: ServiceObject): void {
  const s = spec(object);
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(old) && needsClusterIP(object)) {
    if (!s.clusterIP) s.clusterIP = oldSpec.clusterIP;
    if ((!s.clusterIPs || s.clusterIPs.length === 0) && (oldSpec.clusterIPs?.length ?? 0) > 0)
      s.clusterIPs = oldSpec.clusterIPs;
  }
  if (needsNodePorts(old) && needsNodePorts(object)) {
    const used = new Set((s.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const port of (s.ports ?? []) as { name?: string; nodePort?: number }[]) {
      if (port.nodePort) continue;
      const previous = byName.get(port.name ?? '');
      if (previous && !used.has(previous)) port.nodePort = previous;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(object) && !s.healthCheckNodePort)
    s.healthCheckNodePort = oldSpec.healthCheckNodePort;
}

/** dropTypeDependentFields: switching type clears what no longer applies and the user did not change. */
function dropTypeDependentFields(object: ServiceObject, old: ServiceObject): void {
  const s = spec(object);
  const oldSpec = old.spec ?? {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (needsClusterIP(old) && !needsClusterIP(object) && same(s.clusterIPs, oldSpec.clusterIPs)) {
    delete s.clusterIP;
    delete s.clusterIPs;
  }
  if (needsClusterIP(old) && !needsClusterIP(object)) {
    if (same(s.ipFamilies, oldSpec.ipFamilies)) delete s.ipFamilies;
    if (same(s.ipFamilyPolicy, oldSpec.ipFamilyPolicy)) delete s.ipFamilyPolicy;
  }
  const nodePortsOf = (ports: readonly ServicePort[] | undefined) =>
    (ports ?? []).map((p) => p.nodePort ?? 0);
  if (
    needsNodePorts(old) &&
    !needsNodePorts(object) &&
    same(nodePortsOf(s.ports), nodePortsOf(oldSpec.ports))
  ) {
    for (const port of (s.ports ?? []) as { nodePort?: number }[]) delete port.nodePort;
  }
  if (
    needsHealthCheck(old) &&
    !needsHealthCheck(object) &&
    s.healthCheckNodePort === oldSpec.healthCheckNodePort
  )
    delete s.healthCheckNodePort;
  if (
    oldSpec.type === 'LoadBalancer' &&
    s.type !== 'LoadBalancer' &&
    s.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts
  ) {
    delete s.allocateLoadBalancerNodePorts;
  }
  if (
    externallyAccessible(old) &&
    !externallyAccessible(object) &&
    s.externalTrafficPolicy === oldSpec.externalTrafficPolicy
  ) {
    delete s.externalTrafficPolicy;
  }
}

/** initIPFamilyFields for a single-stack IPv4 cluster. */
function initIPFamilies(object: ServiceObject): FieldError[] {
  const s = spec(object);
  if (!needsClusterIP(object)) return [];
  const errors: FieldError[] = [];
  s.ipFamilyPolicy ??= 'SingleStack';
  if (s.ipFamilyPolicy === 'RequireDualStack') {
    errors.push(
      fieldErrors.invalid(
        'spec.ipFamilyPolicy',
        s.ipFamilyPolicy,
        'this cluster is not configured for dual-stack services',
      ),
    );
  }
  (s.ipFamilies ?? []).forEach((family, i) => {
    if (family !== 'IPv4')
      errors.push(fieldErrors.invalid(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  if (!s.ipFamilies || s.ipFamilies.length === 0) s.ipFamilies = ['IPv4'];
  return errors;
}

/** Allocations made in one write, so that a failed validation or a dry run gives them all back. */
class Allocation {
  readonly #context: ApiContext;
  readonly #ips: string[] = [];
  readonly #ports: number[] = [];

  constructor(context: ApiContext) {
    this.#context = context;
  }

  ip(object: ServiceObject, ip: string | undefined): string {
    const allocator = this.#context.clusterIPs;
    try {
      const taken = ip ? (allocator.allocate(ip), ip) : allocator.allocateNext();
      this.#ips.push(taken);
      return taken;
    } catch (error) {
      this.revert();
      if (!(error instanceof AllocationError)) throw error;
      if (!ip) throw internal(`failed to allocate a serviceIP: ${error.message}`);
      throw StatusError.invalid('Service', object.metadata.name, [
        fieldErrors.invalid(
          'spec.clusterIPs',
          object.spec?.clusterIPs ?? [ip],
          `failed to allocate IP ${ip}: ${error.message}`,
        ),
      ]);
    }
  }

  port(object: ServiceObject, field: string, port: number | undefined): number {
    const allocator = this.#context.nodePorts;
    try {
      const taken = port ? (allocator.allocate(port), port) : allocator.allocateNext();
      this.#ports.push(taken);
      return taken;
    } catch (error) {
      this.revert();
      if (!(error instanceof AllocationError)) throw error;
      if (!port) throw internal(`failed to allocate a nodePort: ${error.message}`);
      throw StatusError.invalid('Service', object.metadata.name, [
        fieldErrors.invalid(field, port, error.message),
      ]);
    }
  }

  revert(): void {
    for (const ip of this.#ips.splice(0)) this.#context.clusterIPs.release(ip);
    for (const port of this.#ports.splice(0)) this.#context.nodePorts.release(port);
  }
}

function internal(message: string): StatusError {
  return new StatusError({
    message: `Internal error occurred: ${message}`,
    reason: 'InternalError',
    code: 500,
  });
}

function allocate(object: KubeObject, oldObject: KubeObject | undefined, context: ApiContext): () => void {
  const service = object as ServiceObject;
  const old = oldObject as ServiceObject | undefined;
  const s = spec(service);
  const allocation = new Allocation(context);

  if (!old || !needsClusterIP(old)) {
    const familyErrors = initIPFamilies(service);
    if (familyErrors.length > 0) throw StatusError.invalid('Service', service.metadata.name, familyErrors);
    if (needsClusterIP(service) && s.clusterIPs?.[0] !== 'None') {
      const ip = allocation.ip(service, s.clusterIP || undefined);
      s.clusterIP = ip;
      s.clusterIPs = [ip, ...(s.clusterIPs ?? []).slice(1)];
    }
  }

  if (needsNodePorts(service)) {
    const held = new Set(old && needsNodePorts(old) ? (old.spec?.ports ?? []).map((p) => p.nodePort) : []);
    (s.ports ?? []).forEach((port, i) => {
      const mutable = port as { nodePort?: number };
      if (mutable.nodePort && held.has(mutable.nodePort)) return;
      mutable.nodePort = allocation.port(service, `spec.ports[${i}].nodePort`, mutable.nodePort);
    });
  }
  if (needsHealthCheck(service) && !(old && needsHealthCheck(old))) {
    s.healthCheckNodePort = allocation.port(service, 'spec.healthCheckNodePort', s.healthCheckNodePort);
  }
  return () => allocation.revert();
}

function heldBy(service: ServiceObject): { ips: string[]; ports: number[] } {
  const s = service.spec ?? {};
  const ips = needsClusterIP(service) ? (s.clusterIPs ?? []).filter((ip) => ip !== 'None') : [];
  const ports = needsNodePorts(service) ? (s.ports ?? []).map((p) => p.nodePort ?? 0).filter(Boolean) : [];
  if (needsHealthCheck(service) && s.healthCheckNodePort) ports.push(s.healthCheckNodePort);
  return { ips, ports };
}

export const serviceStrategy: Strategy = {
  prepareForCreate(object) {
    defaultService(object);
    object['status'] = { loadBalancer: {} };
    normalizeClusterIPs(object as ServiceObject, undefined);
  },
  prepareForUpdate(object, old) {
    defaultService(object);
    object['status'] = old['status'];
    patchAllocatedValues(object as ServiceObject, old as ServiceObject);
    normalizeClusterIPs(object as ServiceObject, old as ServiceObject);
    dropTypeDependentFields(object as ServiceObject, old as ServiceObject);
  },
  allocate,
  validate: (object) => validateService(object as ServiceObject),
  warnings: (object) => serviceWarnings(object as ServiceObject),
  validateUpdate: (object, old) => validateServiceUpdate(object as ServiceObject, old as ServiceObject),
  releaseUnused(object, old, context) {
    const now = heldBy(object as ServiceObject);
    const before = heldBy(old as ServiceObject);
    for (const ip of before.ips) if (!now.ips.includes(ip)) context.clusterIPs.release(ip);
    for (const port of before.ports) if (!now.ports.includes(port)) context.nodePorts.release(port);
  },
  release(object, context) {
    const { ips, ports } = heldBy(object as ServiceObject);
    for (const ip of ips) context.clusterIPs.release(ip);
    for (const port of ports) context.nodePorts.release(port);
  },
};
