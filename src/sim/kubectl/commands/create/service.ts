/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port:targetPort`
 * (create_service.go): selector and label `app=NAME`, one port per `--tcp`, named `80-8080`.
 */
import type { CommandContext, KubectlCommand } from '../../command.ts';
import { CommandError, UsageError } from '../../command.ts';
import type { KubeObject } from '../../../api/types.ts';
import { HELP } from '../../help/index.ts';
import { flagsFromHelp } from '../write/help-flags.ts';
import { generatedNamespace, nameFromArgs } from './args.ts';
import { createGenerated } from './generated.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

function serviceSubcommand(name: string, type: ServiceType, short: string): KubectlCommand {
  return {
    name,
    short,
    flags: flagsFromHelp(`create service ${name}`),
    run: (context) => createService(context, type),
  };
}

function createService(context: CommandContext, type: ServiceType): number {
  const name = nameFromArgs(context);
  const tcp = context.flag<string[]>('tcp') ?? [];
  const clusterIP = type === 'ClusterIP' ? context.flag<string>('clusterip') : '';
  const externalName = type === 'ExternalName' ? context.flag<string>('external-name') : '';
  if (type === 'ExternalName') {
    if (!context.changed('external-name')) throw new CommandError('required flag(s) "external-name" not set');
    if (!isDns1123Subdomain(externalName))
      throw new CommandError(`invalid service external name ${externalName}`);
  } else if (tcp.length === 0 && clusterIP !== 'None') {
    throw new CommandError('at least one tcp port specifier must be provided');
  }
  const nodePort = type === 'NodePort' ? context.flag<number>('node-port') : 0;
  const ports = tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    return {
      name: spec.replaceAll(':', '-'),
      protocol: 'TCP',
      port,
      targetPort,
      ...(nodePort !== 0 ? { nodePort } : {}),
    };
  });
  const service: KubeObject = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...generatedNamespace(context), labels: { app: name } },
    spec: {
      ...(ports.length > 0 ? { ports } : {}),
      selector: { app: name },
      ...(clusterIP ? { clusterIP } : {}),
      type,
      ...(externalName ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
  return createGenerated(context, service, `failed to create ${type} service`);
}

/** parsePorts: `80`, `80:8080`, `80:http`, with the port and port-name checks kubectl makes. */
function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [portText = '', target] = spec.split(':');
  const port = parseUint16(portText);
  if (target === undefined) return { port, targetPort: port };
  if (/^[+-]?\d+$/.test(target)) {
    const number = Number(target);
    if (number < 1 || number > 65535) throw new CommandError('must be between 1 and 65535, inclusive');
    return { port, targetPort: number };
  }
  const errors = portNameErrors(target);
  if (errors.length > 0) throw new CommandError(errors.join(','));
  return { port, targetPort: target };
}

/** strconv.ParseUint(s, 10, 16). */
function parseUint16(text: string): number {
  if (!/^\d+$/.test(text))
    throw new CommandError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = Number(text);
  if (value > 65535)
    throw new CommandError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return value;
}

/** validation.IsValidPortName. */
function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

function isDns1123Subdomain(value: string): boolean {
  return (
    value.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value)
  );
}

export const createServiceCommand: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  subcommands: [
    serviceSubcommand('clusterip', 'ClusterIP', 'Create a ClusterIP service'),
    serviceSubcommand('externalname', 'ExternalName', 'Create an ExternalName service'),
    serviceSubcommand('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service'),
    serviceSubcommand('nodeport', 'NodePort', 'Create a NodePort service'),
  ],
  // cobra: a group run without a subcommand prints its help to stderr and fails.
  run(context) {
    if (context.positionals.length > 0)
      throw new UsageError(`unknown command "${context.positionals.join(' ')}"`);
    context.stderr(HELP['create service'] ?? '');
    return 1;
  },
};
