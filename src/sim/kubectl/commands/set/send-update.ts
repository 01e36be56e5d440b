/**
 * The last step of `set image` and `set env` for one changed object (set.go's patch loop): print it
 * when `--local` or a client dry run, else send it and print what the server kept. A refused
 * update joins `errors` as `failed to patch image update to pod template: ...`.
 */
import type { WriteResult } from '../../../api/apiserver.ts';
import type { KubeObject } from '../../../api/types.ts';
import type { CommandContext } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { printObject, printWarnings, type DryRun } from '../write/output.ts';
import type { Target } from '../write/targets.ts';
import { withoutResourceVersion } from './pod-template.ts';

export interface SendUpdateOptions {
  /** `image` or `env`: printed as `image updated`, and in the failure. */
  field: string;
  local: boolean;
  dryRun: DryRun;
  errors: unknown[];
  /** After the server took the update, before printing it: set env's last check, whose error ends the command. */
  afterUpdate?: () => void;
}

export function sendUpdate(
  context: CommandContext,
  target: Target,
  after: KubeObject,
  options: SendUpdateOptions,
): void {
  const { field, local, dryRun } = options;
  const verb = `${field} updated`;
  if (local || dryRun === 'client') {
    printObject(context, after, { verb, dryRun, fromServer: !local });
    return;
  }
  let result: WriteResult;
  try {
    result = context.runtime.api.update(target.type.resource, withoutResourceVersion(after), {
      dryRun: dryRun === 'server',
      fieldManager: context.flag<string>('field-manager'),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.errors.push(new CommandError(`failed to patch ${field} update to pod template: ${message}`));
    return;
  }
  printWarnings(context, result.warnings);
  options.afterUpdate?.();
  printObject(context, result.object, { verb, dryRun, fromServer: true });
}
