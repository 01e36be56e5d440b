/**
 * Pod spec validation (pkg/apis/core/validation: ValidatePodSpec, validateContainers,
 * validateContainerPorts), covering the fields a course about Services makes people write.
 */
import { fieldErrors, type FieldError } from '../field-errors.ts';
import type { Container, PodSpec } from '../types.ts';
import { isDNS1123Label } from './names.ts';
import { portNameErrors, portNumberErrors } from './ports.ts';

const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const containers = spec?.containers ?? [];
  if (containers.length === 0) errors.push(fieldErrors.required(`${path}.containers`));
  const names = new Set<string>();
  containers.forEach((container, i) =>
    errors.push(...validateContainer(container, `${path}.containers[${i}]`, names)),
  );
  (spec?.initContainers ?? []).forEach((container, i) =>
    errors.push(...validateContainer(container, `${path}.initContainers[${i}]`, names)),
  );
  if (spec?.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errors.push(fieldErrors.notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec?.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errors.push(fieldErrors.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  return errors;
}

function validateContainer(container: Container, path: string, names: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (!container.name) errors.push(fieldErrors.required(`${path}.name`));
  else {
    for (const message of isDNS1123Label(container.name))
      errors.push(fieldErrors.invalid(`${path}.name`, container.name, message));
    if (names.has(container.name)) errors.push(fieldErrors.duplicate(`${path}.name`, container.name));
    names.add(container.name);
  }
  if (!container.image) errors.push(fieldErrors.required(`${path}.image`));
  else if (container.image !== container.image.trim()) {
    errors.push(
      fieldErrors.invalid(`${path}.image`, container.image, 'must not have leading or trailing whitespace'),
    );
  }
  if (container.imagePullPolicy && !PULL_POLICIES.includes(container.imagePullPolicy)) {
    errors.push(
      fieldErrors.notSupported(`${path}.imagePullPolicy`, container.imagePullPolicy, PULL_POLICIES),
    );
  }
  const portNames = new Set<string>();
  (container.ports ?? []).forEach((port, i) => {
    const portPath = `${path}.ports[${i}]`;
    if (port.name) {
      for (const message of portNameErrors(port.name))
        errors.push(fieldErrors.invalid(`${portPath}.name`, port.name, message));
      if (portNames.has(port.name)) errors.push(fieldErrors.duplicate(`${portPath}.name`, port.name));
      portNames.add(port.name);
    }
    if (port.containerPort === undefined || port.containerPort === 0)
      errors.push(fieldErrors.required(`${portPath}.containerPort`));
    else {
      for (const message of portNumberErrors(port.containerPort)) {
        errors.push(fieldErrors.invalid(`${portPath}.containerPort`, port.containerPort, message));
      }
    }
    if (port.hostPort) {
      for (const message of portNumberErrors(port.hostPort))
        errors.push(fieldErrors.invalid(`${portPath}.hostPort`, port.hostPort, message));
    }
    if (!port.protocol) errors.push(fieldErrors.required(`${portPath}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol))
      errors.push(fieldErrors.notSupported(`${portPath}.protocol`, port.protocol, PROTOCOLS));
  });
  return errors;
}
