/** `kubectl explain RESOURCE[.FIELD...]`: documentation from the Kubernetes 1.35 OpenAPI schema. */
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { explain } from '../explain/explain.ts';
import { resourceTypeWords } from '../resource-completion.ts';

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  flags: flagsFromHelp('explain'),
  completeArgs: ({ positionals }) => (positionals.length === 0 ? resourceTypeWords() : []),
  run(context) {
    if (context.positionals.length === 0) {
      throw new CommandError(
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    }
    if (context.positionals.length > 1) {
      throw new CommandError(`We accept only this format: explain RESOURCE\n`);
    }
    const output = context.flag<string>('output');
    if (output !== 'plaintext' && output !== 'plaintext-openapiv2') {
      throw new CommandError(`supported output format are plaintext, plaintext-openapiv2 but got: ${output}`);
    }
    const result = explain(context.positionals[0] as string, {
      recursive: context.flag<boolean>('recursive'),
      apiVersion: context.flag<string>('api-version'),
      outputFormat: output,
    });
    if ('error' in result) {
      context.stderr(result.error);
      return 1;
    }
    context.stdout(result.stdout);
    return 0;
  },
};
