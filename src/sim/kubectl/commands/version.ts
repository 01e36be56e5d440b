/** `kubectl version`: client and server versions of a kubectl 1.35 talking to a 1.35 cluster. */
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { toYaml } from '../printers/yaml.ts';

export const CLIENT_VERSION = {
  major: '1',
  minor: '35',
  gitVersion: 'v1.35.2',
  gitCommit: 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T20:05:34Z',
  goVersion: 'go1.25.7',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The API server's /version: 1.33+ adds the emulated and minimum compatibility versions. */
export const SERVER_VERSION = {
  major: '1',
  minor: '35',
  emulationMajor: '1',
  emulationMinor: '35',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '34',
  gitVersion: 'v1.35.2',
  gitCommit: 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T19:58:11Z',
  goVersion: 'go1.25.7',
  compiler: 'gc',
  platform: 'linux/amd64',
};

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
