/** `kubectl create deployment NAME --image=IMAGE [--replicas] [--port] [-- COMMAND args...]`. */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../command.ts';
import type { KubeObject } from '../../../api/types.ts';
import { flagsFromHelp } from '../write/help-flags.ts';
import { generatedNamespace, nameFromArgs } from './args.ts';
import { createGenerated } from './generated.ts';

export const createDeploymentCommand: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: flagsFromHelp('create deployment'),
  run(context) {
    const name = nameFromArgs(context);
    const images = context.flag<string[]>('image');
    if (!context.changed('image')) throw new CommandError('required flag(s) "image" not set');
    const command = context.args.afterDash ?? [];
    if (images.length > 1 && command.length > 0)
      throw new CommandError('cannot specify multiple --image options and command');
    const labels = { app: name };
    const containers: Record<string, unknown>[] = images.map((image) => ({
      name: containerName(image, () => context.runtime.random.string(5, 'bcdfghjklmnpqrstvwxz2456789')),
      image,
      ...(command.length > 0 ? { command } : {}),
      resources: {},
    }));
    const port = context.flag<number>('port');
    const first = containers[0];
    if (port >= 0 && first) {
      // Go's field order: ports come before resources.
      const { resources, ...rest } = first;
      containers[0] = { ...rest, ports: [{ containerPort: port }], resources };
    }
    const deployment: KubeObject = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name, ...generatedNamespace(context), labels },
      spec: {
        replicas: context.flag<number>('replicas'),
        selector: { matchLabels: { ...labels } },
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
        strategy: {},
      },
      status: {},
    };
    return createGenerated(context, deployment, 'failed to create deployment');
  },
};

/** buildPodSpec: the image's last path segment without tag or digest, `_`/`.` made DNS-safe. */
function containerName(image: string, suffix: () => string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  if (/[_.]/.test(name)) name = `${name.replaceAll('_', '-').replaceAll('.', '-')}-${suffix()}`;
  return name;
}
