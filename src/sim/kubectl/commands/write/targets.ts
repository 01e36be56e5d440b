/**
 * The objects a write command acts on: from `-f` files (by name from the live cluster) or from
 * `TYPE NAME`, `TYPE/NAME`, `-l`, `--all` arguments through the shared resource builder.
 */
import { StatusError } from '../../../api/status-error.ts';
import type { KubeObject } from '../../../api/types.ts';
import type { ResourceType } from '../../../api/resources.ts';
import type { CommandContext } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { ErrorAggregate } from '../../manifests/aggregate.ts';
import { readManifests } from '../../manifests/builder.ts';
import { resolveResourceArgs } from '../../resource-args.ts';
import { addSourceToError } from './output.ts';

export interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  object: KubeObject;
  /** The manifest it was named in, for `error when ... "svc.yaml"`. */
  source: string;
}

export interface Targets {
  targets: Target[];
  /** NotFound for named objects, reading errors of files. */
  errors: unknown[];
  /** Whether objects were named explicitly (no "No resources found" then). */
  byName: boolean;
}

export interface TargetOptions {
  allowSelectors?: boolean;
  /** `deleting`: a missing object named in a file is reported as `error when deleting "svc.yaml": ...`. */
  missingVerb?: string;
  /** The resource arguments, when not all positionals are (label's `KEY=VALUE` pairs). */
  args?: readonly string[];
}

export function resolveTargets(context: CommandContext, options: TargetOptions = {}): Targets {
  const filenames = (context.flag<string[]>('filename') ?? []) as string[];
  if (filenames.length > 0) {
    if ((options.args ?? context.positionals).length > 0) {
      throw new CommandError(
        'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      );
    }
    const { infos, readErrors } = readManifests(context, 'ignore');
    const targets: Target[] = [];
    const errors: unknown[] = [];
    for (const info of infos) {
      const object = context.runtime.api.tryGet(info.type.resource, info.namespace, info.name);
      if (object)
        targets.push({
          type: info.type,
          namespace: info.namespace,
          name: info.name,
          object,
          source: info.source,
        });
      else {
        const notFound = StatusError.notFound(
          info.type.group ? `${info.type.resource}.${info.type.group}` : info.type.resource,
          info.name,
        );
        errors.push(
          options.missingVerb ? addSourceToError(options.missingVerb, info.source, notFound) : notFound,
        );
      }
    }
    if (readErrors.length > 0) errors.push(new ErrorAggregate(readErrors));
    return { targets, errors, byName: true };
  }
  const resolved = resolveResourceArgs(context.runtime, options.args ?? context.positionals, {
    namespace: context.namespace,
    allNamespaces: context.flag<boolean>('all-namespaces') ?? false,
    labelSelector: options.allowSelectors === false ? '' : (context.flag<string>('selector') ?? ''),
    fieldSelector: options.allowSelectors === false ? '' : (context.flag<string>('field-selector') ?? ''),
    selectAll: context.flag<boolean>('all') ?? false,
  });
  return {
    targets: resolved.infos.map((info) => ({
      ...info,
      object: structuredClone(info.object) as KubeObject,
      source: '',
    })),
    errors: resolved.errors,
    byName: resolved.byName,
  };
}
