/** `kubectl options`: the global flags, in the real kubectl's words. */
import type { KubectlCommand } from '../command.ts';
import { HELP } from '../help/index.ts';

export const optionsCommand: KubectlCommand = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  run(context) {
    context.stdout(HELP['options'] ?? '');
    return 0;
  },
};
