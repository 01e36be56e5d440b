/**
 * The environment kubelet gives a container: the image's ENV, the pod spec's `env`, HOSTNAME, and
 * the Docker-links-style variables of every Service that existed in the pod's namespace when the
 * pod started (`WEB_SERVICE_HOST`, `WEB_SERVICE_PORT`, `WEB_PORT_82_TCP_ADDR`...), plus the
 * `kubernetes` master Service's (pkg/kubelet/envvars/envvars.go).
 */
import type { Container } from '../api/types.ts';
import type { Runtime } from '../runtime.ts';
import { allServices, type StoredPod, type StoredService } from './addresses.ts';
import type { ImageSpec } from './images.ts';
import { PATH_DEFAULT } from './apps/toolsets.ts';

function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** FromServices in envvars.go: HOST, PORT, named PORT_<NAME>, and the Docker link variables. */
export function serviceEnvironment(service: StoredService): [string, string][] {
  const ip = service.spec?.clusterIP;
  const ports = service.spec?.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return [];
  const name = envName(service.metadata.name);
  const first = ports[0] as { port: number; protocol?: string };
  const vars: [string, string][] = [
    [`${name}_SERVICE_HOST`, ip],
    [`${name}_SERVICE_PORT`, String(first.port)],
  ];
  for (const port of ports)
    if (port.name) vars.push([`${name}_SERVICE_PORT_${envName(port.name)}`, String(port.port)]);
  vars.push([`${name}_PORT`, `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`]);
  for (const port of ports) {
    const protocol = port.protocol ?? 'TCP';
    const prefix = `${name}_PORT_${port.port}_${protocol.toUpperCase()}`;
    vars.push(
      [prefix, `${protocol.toLowerCase()}://${ip}:${port.port}`],
      [`${prefix}_PROTO`, protocol.toLowerCase()],
      [`${prefix}_PORT`, String(port.port)],
      [`${prefix}_ADDR`, ip],
    );
  }
  return vars;
}

/** The Services whose variables a pod got: those of its namespace created before it started. */
function servicesSeenBy(runtime: Runtime, pod: StoredPod): StoredService[] {
  if (pod.spec?.enableServiceLinks === false) {
    return allServices(runtime).filter(
      (s) => s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes',
    );
  }
  const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? '') || Infinity;
  return allServices(runtime).filter((service) => {
    const created = Date.parse(service.metadata.creationTimestamp ?? '') || 0;
    const master = service.metadata.namespace === 'default' && service.metadata.name === 'kubernetes';
    return created <= started && (service.metadata.namespace === pod.metadata.namespace || master);
  });
}

export function containerEnvironment(
  runtime: Runtime,
  pod: StoredPod,
  container: Container,
  image: ImageSpec | undefined,
): Map<string, string> {
  const env = new Map<string, string>([['PATH', PATH_DEFAULT]]);
  for (const [name, value] of image?.env ?? []) env.set(name, value);
  env.set('HOSTNAME', pod.spec?.hostname ?? pod.metadata.name);
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined)
      env.set(
        variable.name,
        variable.value.replace(
          /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
          (whole, ref: string) => env.get(ref) ?? whole,
        ),
      );
    else if (variable.valueFrom?.fieldRef)
      env.set(variable.name, fieldValue(pod, variable.valueFrom.fieldRef.fieldPath));
  }
  for (const service of servicesSeenBy(runtime, pod)) {
    for (const [name, value] of serviceEnvironment(service)) if (!env.has(name)) env.set(name, value);
  }
  env.set('HOME', '/root');
  return env;
}

/** The downward API fields people put in env. */
function fieldValue(pod: StoredPod, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    default:
      return '';
  }
}
