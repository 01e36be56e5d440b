/**
 * Sends or prints an object a `create` generator built (deployment, service, namespace), the way
 * those subcommands do: `--dry-run=client` prints it as built, otherwise the server's answer;
 * `--save-config` stores it as the last-applied configuration first.
 */
import type { KubeObject } from '../../../api/types.ts';
import { findResourceType } from '../../../api/resources.ts';
import type { CommandContext } from '../../command.ts';
import { parseValidateFlag } from '../../manifests/builder.ts';
import { setLastAppliedFromTyped } from '../../manifests/last-applied.ts';
import { checkOutputFormat, dryRunStrategy, printObject } from '../write/output.ts';
import { serverCreate } from '../write/server-write.ts';

/** `failed to create NodePort service: %v`; undefined when the subcommand returns the error as is. */
export type FailurePrefix = string | undefined;

export function createGenerated(
  context: CommandContext,
  object: KubeObject,
  failurePrefix: FailurePrefix,
): number {
  checkOutputFormat(context);
  const dryRun = dryRunStrategy(context);
  const validate = parseValidateFlag(context.flag<string>('validate'));
  if (context.flag<boolean>('save-config')) setLastAppliedFromTyped(object);
  if (dryRun === 'client') {
    printObject(context, object, { verb: 'created', dryRun, fromServer: false });
    return 0;
  }
  const type = findResourceType(object.kind);
  if (!type) throw new Error(`no resource for ${object.kind}`);
  const toSend = structuredClone(object);
  if (type.namespaced) toSend.metadata.namespace ??= context.namespace;
  let created: KubeObject;
  try {
    created = serverCreate(context, type.resource, toSend, {
      dryRun: dryRun === 'server',
      validate,
      fieldManager: context.flag<string>('field-manager'),
    });
  } catch (error) {
    if (failurePrefix === undefined) throw error;
    throw new Error(`${failurePrefix}: ${error instanceof Error ? error.message : String(error)}`);
  }
  printObject(context, created, { verb: 'created', dryRun, fromServer: true });
  return 0;
}
