/**
 * Service validation as pkg/apis/core/validation (ValidateService, validateServicePort,
 * ValidateServiceUpdate), in the same order, so that a learner's mistake gets the API server's
 * own list of errors.
 */
import { fieldErrors, goJson, GoValue, type FieldError } from '../field-errors.ts';
import type { KubeObject, Service, ServicePort } from '../types.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from './names.ts';
import { validateLabels } from './labels.ts';
import { portNameErrors, portNumberErrors } from './ports.ts';
import { ipToNumber } from '../allocators/cluster-ip.ts';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

type ServiceObject = Service & KubeObject;

export function isHeadless(service: ServiceObject): boolean {
  return (service.spec?.clusterIPs?.length ?? 0) > 0 && service.spec?.clusterIPs?.[0] === 'None';
}

export function externallyAccessible(service: ServiceObject): boolean {
  const spec = service.spec ?? {};
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0)
  );
}

export function needsHealthCheck(service: ServiceObject): boolean {
  return service.spec?.type === 'LoadBalancer' && service.spec.externalTrafficPolicy === 'Local';
}

export function validateServiceName(name: string): FieldError[] {
  return isDNS1035Label(name).map((message) => fieldErrors.invalid('metadata.name', name, message));
}

export function validateService(service: ServiceObject): FieldError[] {
  const errors: FieldError[] = validateServiceName(service.metadata.name);
  const spec = service.spec ?? {};
  const ports = spec.ports ?? [];
  const headless = isHeadless(service);

  if (ports.length === 0 && !headless && spec.type !== 'ExternalName')
    errors.push(fieldErrors.required('spec.ports'));
  if (spec.type === 'LoadBalancer' && headless) {
    errors.push(
      fieldErrors.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"),
    );
  } else if (spec.type === 'NodePort' && headless) {
    errors.push(
      fieldErrors.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"),
    );
  } else if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs?.length ?? 0) > 0)
      errors.push(fieldErrors.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies?.length ?? 0) > 0)
      errors.push(fieldErrors.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined)
      errors.push(fieldErrors.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname.length > 0) {
      for (const message of isDNS1123Subdomain(cname))
        errors.push(fieldErrors.invalid('spec.externalName', cname, message));
    } else errors.push(fieldErrors.required('spec.externalName'));
  }

  const names = new Set<string>();
  ports.forEach((port, i) =>
    errors.push(...validateServicePort(port, ports.length > 1, names, `spec.ports[${i}]`)),
  );

  if (spec.selector) errors.push(...validateLabels(spec.selector, 'spec.selector'));

  if (!spec.sessionAffinity) errors.push(fieldErrors.required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(spec.sessionAffinity))
    errors.push(fieldErrors.notSupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES));
  if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errors.push(
      fieldErrors.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'),
    );
  }

  errors.push(...validateClusterIPs(service));

  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!Number.isFinite(ipToNumber(ip))) {
      errors.push(
        fieldErrors.invalid(
          `spec.externalIPs[${i}]`,
          ip,
          'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        ),
      );
    }
  });

  if (!spec.type) errors.push(fieldErrors.required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type))
    errors.push(fieldErrors.notSupported('spec.type', spec.type, SERVICE_TYPES));

  if (spec.type === 'ClusterIP') {
    ports.forEach((port, i) => {
      if (port.nodePort)
        errors.push(
          fieldErrors.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"),
        );
    });
  }

  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    if (!port.nodePort) return;
    const key = `${port.protocol}/${port.nodePort}`;
    if (nodePorts.has(key)) errors.push(fieldErrors.duplicate(`spec.ports[${i}].nodePort`, port.nodePort));
    nodePorts.add(key);
  });
  const servicePorts = new Set<string>();
  ports.forEach((port, i) => {
    const key = `${port.protocol}/${port.port}`;
    if (servicePorts.has(key)) errors.push(fieldErrors.duplicate(`spec.ports[${i}]`, goServicePortKey(port)));
    servicePorts.add(key);
  });

  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errors.push(
      fieldErrors.forbidden(
        'spec.allocateLoadBalancerNodePorts',
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) {
    errors.push(fieldErrors.required('allocateLoadBalancerNodePorts'));
  }

  if (!externallyAccessible(service)) {
    if (spec.externalTrafficPolicy) {
      errors.push(
        fieldErrors.invalid(
          'spec.externalTrafficPolicy',
          spec.externalTrafficPolicy,
          'may only be set for externally-accessible services',
        ),
      );
    }
  } else if (!spec.externalTrafficPolicy) {
    errors.push(fieldErrors.required('spec.externalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errors.push(
      fieldErrors.notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES),
    );
  }
  if (!needsHealthCheck(service) && spec.healthCheckNodePort) {
    errors.push(
      fieldErrors.invalid(
        'spec.healthCheckNodePort',
        spec.healthCheckNodePort,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  }

  if (spec.internalTrafficPolicy === undefined) {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')
      errors.push(fieldErrors.required('spec.internalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errors.push(
      fieldErrors.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES),
    );
  }
  return errors;
}

function validateServicePort(
  port: ServicePort,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (requireName && !port.name) errors.push(fieldErrors.required(`${path}.name`));
  else if (port.name) {
    for (const message of isDNS1123Label(port.name))
      errors.push(fieldErrors.invalid(`${path}.name`, port.name, message));
    if (names.has(port.name)) errors.push(fieldErrors.duplicate(`${path}.name`, port.name));
    else names.add(port.name);
  }
  for (const message of portNumberErrors(port.port))
    errors.push(fieldErrors.invalid(`${path}.port`, port.port ?? 0, message));
  if (!port.protocol) errors.push(fieldErrors.required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(port.protocol))
    errors.push(fieldErrors.notSupported(`${path}.protocol`, port.protocol, PROTOCOLS));
  errors.push(...validatePortNumOrName(port.targetPort, `${path}.targetPort`));
  return errors;
}

export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string')
    return portNameErrors(port).map((message) => fieldErrors.invalid(path, port, message));
  return portNumberErrors(port ?? 0).map((message) => fieldErrors.invalid(path, port ?? 0, message));
}

/** ValidateServiceClusterIPsRelatedFields, for the single-stack IPv4 cluster the simulator runs. */
function validateClusterIPs(service: ServiceObject): FieldError[] {
  const errors: FieldError[] = [];
  const spec = service.spec ?? {};
  const clusterIPs = spec.clusterIPs ?? [];
  if (spec.type === 'ExternalName') return errors;
  if (clusterIPs.length > 0 && spec.clusterIP !== clusterIPs[0]) {
    errors.push(fieldErrors.invalid('spec.clusterIPs', clusterIPs, 'first value must match `clusterIP`'));
  }
  if (clusterIPs.length > 2)
    errors.push(fieldErrors.invalid('spec.clusterIPs', clusterIPs, 'may only hold up to 2 values'));
  clusterIPs.forEach((ip, i) => {
    if (ip === 'None') {
      if (i > 0)
        errors.push(
          fieldErrors.invalid(
            `spec.clusterIPs[${i}]`,
            ip,
            'must be a valid IP address (e.g. 10.9.8.7 or 2001:db8::ffff)',
          ),
        );
      return;
    }
    if (!Number.isFinite(ipToNumber(ip))) {
      errors.push(
        fieldErrors.invalid(
          `spec.clusterIPs[${i}]`,
          ip,
          'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        ),
      );
    }
  });
  return errors;
}

/** ValidateServiceUpdate's extra rules: the primary ClusterIP cannot change once set. */
export function validateServiceUpdate(service: ServiceObject, old: ServiceObject): FieldError[] {
  const errors: FieldError[] = [];
  const oldIPs = old.spec?.clusterIPs ?? [];
  const newIPs = service.spec?.clusterIPs ?? [];
  const involvesExternalName = old.spec?.type === 'ExternalName' || service.spec?.type === 'ExternalName';
  if (!involvesExternalName && oldIPs.length > 0 && newIPs.length > 0 && oldIPs[0] !== newIPs[0]) {
    errors.push(fieldErrors.invalid('spec.clusterIPs[0]', newIPs, 'may not change once set'));
  }
  if (
    needsHealthCheck(old) &&
    needsHealthCheck(service) &&
    old.spec?.healthCheckNodePort !== service.spec?.healthCheckNodePort
  ) {
    errors.push(fieldErrors.forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  return [...errors, ...validateService(service)];
}

/**
 * json.Marshal of the core.ServicePort key the duplicate-port check uses (only protocol and port set):
 * internal types carry no json tags, so the Go field names print; IntOrString marshals as its int.
 */
function goServicePortKey(port: ServicePort): GoValue {
  return new GoValue(
    `{"Name":"","Protocol":${goJson(port.protocol)},"AppProtocol":null,"Port":${port.port},"TargetPort":0,"NodePort":0}`,
  );
}
