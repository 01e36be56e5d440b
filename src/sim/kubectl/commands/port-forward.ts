/**
 * `kubectl port-forward (POD | TYPE/NAME) [LOCAL:]REMOTE...` (portforward.go). A Service's port is
 * translated to the pod's target port, as kubectl does. While the command runs (in the terminal,
 * until Ctrl-C) the forward is listed in the runtime's registry, where the workstation's `curl
 * localhost:8080` finds it; headless there is no one to type Ctrl-C, so it returns after printing.
 */
import type { KubeObject } from '../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { podForArgument } from './write/pod-target.ts';

export const portForwardCommand: KubectlCommand = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  flags: flagsFromHelp('port-forward', { 'pod-running-timeout': { type: 'duration', default: '1m0s' } }),
  async run(context) {
    const [target, ...ports] = context.positionals;
    if (target === undefined || ports.length === 0)
      throw new UsageError('TYPE/NAME and list of ports are required for port-forward');
    const isService = /^(svc|service|services)\//.test(target);
    const service = isService
      ? context.runtime.api.get('services', context.namespace, target.slice(target.indexOf('/') + 1))
      : undefined;
    const { pod } = podForArgument(context, target);
    const phase = ((pod['status'] ?? {}) as { phase?: string }).phase;
    if (phase !== 'Running')
      throw new CommandError(
        `unable to forward port because pod is not running. Current status=${phase ?? 'Pending'}`,
      );
    const mappings = ports.map((spec) => parsePortSpec(spec, pod, service));
    const addresses = context.flag<string[]>('address') ?? ['localhost'];
    for (const { local, remote } of mappings) {
      for (const address of addresses) {
        if (address === 'localhost') {
          context.stdout(
            `Forwarding from 127.0.0.1:${local} -> ${remote}\nForwarding from [::1]:${local} -> ${remote}\n`,
          );
        } else {
          context.stdout(`Forwarding from ${address}:${local} -> ${remote}\n`);
        }
      }
    }
    if (!context.interactive || !context.signal) return 0;
    const close = context.runtime.portForwards.open({
      namespace: pod.metadata.namespace ?? context.namespace,
      pod: pod.metadata.name,
      ports: mappings,
      onConnection: (local) => context.stdout(`Handling connection for ${local}\n`),
    });
    try {
      await waitForInterrupt(context);
    } finally {
      close();
    }
    return 0;
  },
};

/** Until Ctrl-C (the signal): a forward needs no time to pass, only someone to stop it. */
function waitForInterrupt(context: CommandContext): Promise<void> {
  const { signal } = context;
  if (!signal || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** `8080:80`, `8080`, `:80`, `8080:http`; a Service port becomes the pod port it targets. */
function parsePortSpec(
  spec: string,
  pod: KubeObject,
  service: KubeObject | undefined,
): { local: number; remote: number } {
  const [localText = '', remoteText = localText] = spec.includes(':') ? spec.split(':') : [spec, spec];
  const remote = resolveRemote(remoteText, pod, service);
  const local = localText === '' ? 30000 + (remote % 10000) : Number(localText);
  if (!Number.isInteger(local) || local < 0 || local > 65535)
    throw new CommandError(
      `error parsing local port '${localText}': strconv.ParseUint: parsing ${JSON.stringify(localText)}: invalid syntax`,
    );
  return { local, remote };
}

function resolveRemote(text: string, pod: KubeObject, service: KubeObject | undefined): number {
  const containers =
    ((pod['spec'] ?? {}) as { containers?: { ports?: { name?: string; containerPort: number }[] }[] })
      .containers ?? [];
  const containerPorts = containers.flatMap((c) => c.ports ?? []);
  if (service) {
    const ports =
      ((service['spec'] ?? {}) as { ports?: { name?: string; port: number; targetPort?: number | string }[] })
        .ports ?? [];
    const port = ports.find((p) => String(p.port) === text || p.name === text);
    if (!port)
      throw new CommandError(`Service ${service.metadata.name} does not have a service port ${text}`);
    const target = port.targetPort ?? port.port;
    if (typeof target === 'number') return target;
    const named = containerPorts.find((p) => p.name === target);
    if (!named) throw new CommandError(`Pod '${pod.metadata.name}' does not have a named port '${target}'`);
    return named.containerPort;
  }
  if (/^\d+$/.test(text)) return Number(text);
  const named = containerPorts.find((p) => p.name === text);
  if (!named) throw new CommandError(`Pod '${pod.metadata.name}' does not have a named port '${text}'`);
  return named.containerPort;
}
