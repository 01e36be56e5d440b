/**
 * `kubectl expose (deployment|replicaset|pod|service) NAME [--port] [--target-port] [--type]
 * [--name] [--protocol] [--selector]` (expose.go): a Service whose selector, ports and labels
 * come from the exposed object unless given.
 */
import type { Container, KubeObject } from '../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { formatErrors } from '../manifests/aggregate.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { checkOutputFormat, dryRunStrategy, printObject } from './write/output.ts';
import { serverCreate } from './write/server-write.ts';
import { resolveTargets } from './write/targets.ts';
import { parseLabels } from './write/parse-labels.ts';

const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController']);

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: flagsFromHelp('expose'),
  run(context) {
    checkOutputFormat(context);
    const dryRun = dryRunStrategy(context);
    const { targets, errors } = resolveTargets(context, { allowSelectors: false });
    if (errors.length > 0) throw errors[0];
    const failures: unknown[] = [];
    for (const target of targets) {
      const object = target.object;
      if (!EXPOSABLE.has(object.kind)) throw new CommandError(`cannot expose a ${object.kind}`);
      try {
        const service = generateService(context, object);
        if (dryRun === 'client') {
          if (context.namespaceExplicit) service.metadata.namespace = context.namespace;
          printObject(context, service, { verb: 'exposed', dryRun, fromServer: false });
          continue;
        }
        const toSend = { ...service, metadata: { ...service.metadata, namespace: context.namespace } };
        const created = serverCreate(context, 'services', toSend, {
          dryRun: dryRun === 'server',
          validate: 'strict',
          fieldManager: context.flag<string>('field-manager'),
        });
        printObject(context, created, { verb: 'exposed', dryRun, fromServer: true });
      } catch (error) {
        failures.push(error);
      }
    }
    const { text, exitCode } = formatErrors(failures, context.path);
    context.stderr(text);
    return exitCode;
  },
};

function generateService(context: CommandContext, object: KubeObject): KubeObject {
  let selector = context.flag<string>('selector');
  if (selector === '') selector = formatMap(selectorOf(object));
  const portFlag = context.flag<string>('port');
  let ports = portFlag === '' ? [] : [portFlag];
  if (portFlag === '') {
    ports = portsOf(object);
    if (ports.length === 0 && context.flag<string>('cluster-ip') !== 'None') {
      throw new CommandError("couldn't find port via --port flag or introspection");
    }
  }
  const protocols = context.flag<string>('protocol') === '' ? protocolsOf(object) : new Map<string, string>();
  const labelsFlag = context.flag<string>('labels');
  const labels = labelsFlag !== '' ? parseLabels(labelsFlag) : { ...object.metadata.labels };
  const name = context.flag<string>('name') || object.metadata.name.slice(0, 63);
  const servicePorts = ports.map((text, index) => {
    if (!/^[+-]?\d+$/.test(text))
      throw new CommandError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
    const port = Number(text);
    const protocol = context.flag<string>('protocol') || protocols.get(text) || 'TCP';
    return {
      ...(ports.length > 1 ? { name: `port-${index + 1}` } : {}),
      protocol,
      port,
      targetPort: targetPortFor(context, port),
    };
  });
  const type = context.flag<string>('type');
  const clusterIP = context.flag<string>('cluster-ip');
  const externalIP = context.flag<string>('external-ip');
  const spec: Record<string, unknown> = { ports: servicePorts, selector: parseLabels(selector) };
  if (clusterIP) spec['clusterIP'] = clusterIP;
  if (type) spec['type'] = type;
  if (externalIP) spec['externalIPs'] = [externalIP];
  if (context.flag<string>('session-affinity'))
    spec['sessionAffinity'] = context.flag<string>('session-affinity');
  if (type === 'LoadBalancer' && context.flag<string>('load-balancer-ip'))
    spec['loadBalancerIP'] = context.flag<string>('load-balancer-ip');
  const metadata: KubeObject['metadata'] = { name };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
}

function targetPortFor(context: CommandContext, port: number): number | string {
  const target = context.flag<string>('target-port');
  if (target === '') return port;
  return /^[+-]?\d+$/.test(target) ? Number(target) : target;
}

/** MapBasedSelectorForObject. */
function selectorOf(object: KubeObject): Record<string, string> {
  const spec = (object['spec'] ?? {}) as {
    selector?: Record<string, unknown> & {
      matchLabels?: Record<string, string>;
      matchExpressions?: unknown[];
    };
  };
  switch (object.kind) {
    case 'Pod': {
      const labels = object.metadata.labels ?? {};
      if (Object.keys(labels).length === 0)
        throw selectorError('the pod has no labels and cannot be exposed');
      return labels;
    }
    case 'Service':
      if (!spec.selector) throw selectorError('the service has no pod selector set');
      return spec.selector as Record<string, string>;
    default: {
      const selector = spec.selector ?? {};
      if (selector.matchExpressions && selector.matchExpressions.length > 0) {
        throw selectorError(
          `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`,
        );
      }
      return selector.matchLabels ?? {};
    }
  }
}

function selectorError(detail: string): UsageError {
  return new UsageError(`couldn't retrieve selectors via --selector flag or introspection: ${detail}`);
}

function containersOf(object: KubeObject): Container[] {
  if (object.kind === 'Pod') return ((object['spec'] ?? {}) as { containers?: Container[] }).containers ?? [];
  return (
    ((object['spec'] ?? {}) as { template?: { spec?: { containers?: Container[] } } }).template?.spec
      ?.containers ?? []
  );
}

/** PortsForObject: container ports, or a service's ports. */
function portsOf(object: KubeObject): string[] {
  if (object.kind === 'Service') {
    return (((object['spec'] ?? {}) as { ports?: { port: number }[] }).ports ?? []).map((p) =>
      String(p.port),
    );
  }
  return containersOf(object).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

function protocolsOf(object: KubeObject): Map<string, string> {
  const map = new Map<string, string>();
  if (object.kind === 'Service') {
    for (const p of ((object['spec'] ?? {}) as { ports?: { port: number; protocol?: string }[] }).ports ?? [])
      map.set(String(p.port), p.protocol ?? 'TCP');
  } else {
    for (const c of containersOf(object))
      for (const p of c.ports ?? []) map.set(String(p.containerPort), p.protocol ?? 'TCP');
  }
  return map;
}

function formatMap(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
