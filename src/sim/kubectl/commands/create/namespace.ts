/** `kubectl create namespace NAME`. */
import type { KubectlCommand } from '../../command.ts';
import { flagsFromHelp } from '../write/help-flags.ts';
import { nameFromArgs } from './args.ts';
import { createGenerated } from './generated.ts';

export const createNamespaceCommand: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: flagsFromHelp('create namespace'),
  run(context) {
    const name = nameFromArgs(context);
    return createGenerated(
      context,
      { kind: 'Namespace', apiVersion: 'v1', metadata: { name }, spec: {}, status: {} },
      undefined,
    );
  },
};
