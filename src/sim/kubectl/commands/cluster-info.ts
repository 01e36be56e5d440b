/**
 * `kubectl cluster-info`: the control plane's address and the proxy URL of each kube-system
 * service labelled `kubernetes.io/cluster-service=true` (CoreDNS), names in green and URLs in
 * yellow as kubectl colours them on a terminal.
 */
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { sortedPeek } from '../resource-args.ts';
import type { Service } from 'kubernetes-types/core/v1';

const GREEN = '\u001b[0;32m';
const YELLOW = '\u001b[0;33m';
const RESET = '\u001b[0m';

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  flags: flagsFromHelp('cluster-info'),
  subcommands: [
    {
      name: 'dump',
      short: 'Dump relevant information for debugging and diagnosis',
      run() {
        throw new CommandError('cluster-info dump is not available in this cluster');
      },
    },
  ],
  run(context) {
    if (context.positionals.length > 0)
      throw new CommandError(`unknown command "${context.positionals[0]}" for "kubectl cluster-info"`);
    const server = context.runtime.kubeconfig.server;
    const color = context.interactive;
    const line = (name: string, link: string) =>
      color
        ? `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`
        : `${name} is running at ${link}\n`;
    let out = line('Kubernetes control plane', server);
    for (const object of sortedPeek(context.runtime, 'services', 'kube-system')) {
      if (object.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
      const service = object as unknown as Service;
      const name = object.metadata.labels['kubernetes.io/name'] ?? object.metadata.name;
      const ingress = service.status?.loadBalancer?.ingress?.[0];
      let link: string;
      if (ingress) {
        const ip = ingress.ip || ingress.hostname || '';
        link = `http://${ip}:${service.spec?.ports?.[0]?.port ?? 80}`;
      } else {
        const port = service.spec?.ports?.[0];
        const portName = port?.name || String(port?.port ?? '');
        link = `${server}/api/v1/namespaces/kube-system/services/${object.metadata.name}${portName ? `:${portName}` : ''}/proxy`;
      }
      out += line(name, link);
    }
    out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    context.stdout(out);
    return 0;
  },
};
