/**
 * `kubectl set`: a group whose own Run (cmdutil.DefaultSubCommandRun) prints its help on stderr and
 * exits 1, and turns any word that is not a subcommand into `unknown command "foo"`.
 */
import type { KubectlCommand } from '../../command.ts';
import { UsageError } from '../../command.ts';
import { HELP } from '../../help/index.ts';
import { setEnvCommand } from './env.ts';
import { setImageCommand } from './image.ts';
import { setSelectorCommand } from './selector.ts';

export const setCommand: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [setEnvCommand, setImageCommand, setSelectorCommand],
  run(context) {
    if (context.positionals.length > 0)
      throw new UsageError(`unknown command ${JSON.stringify(context.positionals.join(' '))}`);
    context.stderr(HELP['set'] ?? '');
    return 1;
  },
};
