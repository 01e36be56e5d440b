/** `kubectl version`: client and server versions of a kubectl 1.35 talking to a 1.35 cluster. */
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { toYaml } from '../printers/yaml.ts';
import { CLIENT_VERSION, SERVER_VERSION } from '../../version.ts';

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [
    {
      name: 'client',
      type: 'bool',
      default: false,
      usage: 'If true, shows client version only (no server required).',
    },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  run(context) {
    const output = context.flag<string>('output');
    const clientOnly = context.flag<boolean>('client');
    if (output === 'json' || output === 'yaml') {
      const document: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: 'v5.7.1' };
      if (!clientOnly) document['serverVersion'] = SERVER_VERSION;
      context.stdout(output === 'json' ? `${JSON.stringify(document, null, 2)}\n` : toYaml(document));
      return 0;
    }
    if (output !== '') throw new CommandError(`--output must be 'yaml' or 'json'`);
    let text = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: v5.7.1\n`;
    if (!clientOnly) text += `Server Version: ${SERVER_VERSION.gitVersion}\n`;
    context.stdout(text);
    return 0;
  },
};
