/**
 * `kubectl create -f FILE|DIR|-` and the generators under it (deployment, namespace, service ...).
 * Objects from files are created one by one; failures are collected and printed at the end with
 * the reading errors, as kubectl's ContinueOnError visitor does.
 */
import type { KubectlCommand } from '../../command.ts';
import { CommandError, UsageError } from '../../command.ts';
import { formatErrors, ErrorAggregate } from '../../manifests/aggregate.ts';
import { parseValidateFlag, readManifests } from '../../manifests/builder.ts';
import { setLastApplied } from '../../manifests/last-applied.ts';
import { flagsFromHelp } from '../write/help-flags.ts';
import { addSourceToError, checkOutputFormat, dryRunStrategy, printObject } from '../write/output.ts';
import { serverCreate } from '../write/server-write.ts';
import { createDeploymentCommand } from './deployment.ts';
import { createNamespaceCommand } from './namespace.ts';
import { createServiceCommand } from './service.ts';
import { rejectKustomize } from '../write/kustomize.ts';

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: flagsFromHelp('create'),
  subcommands: [createDeploymentCommand, createNamespaceCommand, createServiceCommand],
  run(context) {
    rejectKustomize(context);
    const filenames = context.flag<string[]>('filename') ?? [];
    if (filenames.length === 0) {
      if (context.positionals.length > 0)
        throw new UsageError(`Unexpected args: [${context.positionals.join(' ')}]`);
      throw new CommandError('must specify one of -f and -k');
    }
    if (context.positionals.length > 0)
      throw new UsageError(`Unexpected args: [${context.positionals.join(' ')}]`);
    checkOutputFormat(context);
    const dryRun = dryRunStrategy(context);
    const validate = parseValidateFlag(context.flag<string>('validate'));
    const { infos, readErrors } = readManifests(context, validate);
    const errors: unknown[] = [];
    for (const info of infos) {
      const object = info.object;
      if (context.flag<boolean>('save-config')) setLastApplied(object);
      if (dryRun === 'client') {
        printObject(context, object, { verb: 'created', dryRun, fromServer: false });
        continue;
      }
      try {
        const created = serverCreate(context, info.type.resource, object, {
          dryRun: dryRun === 'server',
          validate,
          fieldManager: context.flag<string>('field-manager'),
        });
        printObject(context, created, { verb: 'created', dryRun, fromServer: true });
      } catch (error) {
        errors.push(addSourceToError('creating', info.source, error));
      }
    }
    if (readErrors.length > 0) errors.push(new ErrorAggregate(readErrors));
    if (infos.length === 0 && errors.length === 0) throw new CommandError('no objects passed to create');
    const { text, exitCode } = formatErrors(errors, context.path);
    context.stderr(text);
    return exitCode;
  },
};
