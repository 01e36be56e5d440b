/**
 * `kubectl describe`: each object found by the resource builder described by its kind's describer,
 * separated by a blank line; `describe TYPE NAME` falls back to every object whose name starts with
 * NAME, as kubectl's DescribeMatchingResources does, before reporting NotFound.
 */
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { mappingFor, resolveResourceArgs, sortedPeek, type ResourceInfo } from '../resource-args.ts';
import { readManifests } from '../manifests/builder.ts';
import { DESCRIBERS, type DescribeContext } from '../describe/index.ts';
import { describeGeneric } from '../describe/event.ts';
import { StatusError } from '../../api/status-error.ts';
import { formatStatusError } from '../errors.ts';
import { completeResourceArgs } from '../resource-completion.ts';
import type { ResourceType } from '../../api/resources.ts';
import { endpointsWarning } from './get.ts';

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: flagsFromHelp('describe', { filename: { type: 'stringSlice', default: [] } }),
  completeArgs: completeResourceArgs,
  run: runDescribe,
};

function runDescribe(context: CommandContext): number {
  const filenames = context.flag<string[]>('filename');
  if (context.positionals.length === 0 && filenames.length === 0) {
    throw new CommandError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  let infos: ResourceInfo[];
  let errors: StatusError[] = [];
  if (filenames.length > 0) {
    ({ infos, errors } = fromFiles(context));
  } else {
    const resolved = resolveResourceArgs(context.runtime, context.positionals, {
      namespace: context.namespace,
      allNamespaces: context.flag<boolean>('all-namespaces'),
      labelSelector: context.flag<string>('selector'),
      listByType: true,
    });
    infos = resolved.infos;
    errors = resolved.errors;
    if (errors.length > 0 && errors[0]?.reason === 'NotFound' && context.positionals.length === 2) {
      return describeMatching(
        context,
        errors[0],
        context.positionals[0] as string,
        context.positionals[1] as string,
      );
    }
    if (infos.length === 0 && errors.length === 0 && !resolved.byName) {
      const namespaced =
        !context.flag<boolean>('all-namespaces') && resolved.types.every((t) => t.namespaced);
      context.stderr(
        namespaced ? `No resources found in ${context.namespace} namespace.\n` : 'No resources found\n',
      );
      return 0;
    }
  }
  printDescriptions(context, infos);
  for (const error of errors) context.stderr(`${formatStatusError(error)}\n`);
  return errors.length > 0 ? 1 : 0;
}

function describeContext(context: CommandContext): DescribeContext {
  return {
    runtime: context.runtime,
    nowMs: context.runtime.clock.now(),
    showEvents: context.flag<boolean>('show-events'),
  };
}

function printDescriptions(context: CommandContext, infos: readonly ResourceInfo[]): void {
  const settings = describeContext(context);
  if (infos.some((i) => i.type.resource === 'endpoints')) context.stderr(endpointsWarning());
  let out = '';
  for (const info of infos) {
    const describer = DESCRIBERS[info.type.resource] ?? describeGeneric;
    const text = describer(info.object, settings);
    out += out === '' ? text : `\n\n${text}`;
  }
  if (out) context.stdout(out);
}

/** `describe svc we` describes `web` and `web-2`: names starting with the word, or the NotFound. */
function describeMatching(
  context: CommandContext,
  notFound: StatusError,
  typeArg: string,
  prefix: string,
): number {
  const type: ResourceType = mappingFor(typeArg);
  const namespace = type.namespaced ? context.namespace : undefined;
  const infos = sortedPeek(context.runtime, type.resource, namespace)
    .filter((o) => o.metadata.name.startsWith(prefix))
    .map((object) => ({ type, namespace: object.metadata.namespace, name: object.metadata.name, object }));
  if (infos.length === 0) {
    context.stderr(`${formatStatusError(notFound)}\n`);
    return 1;
  }
  printDescriptions(context, infos);
  return 0;
}

function fromFiles(context: CommandContext): { infos: ResourceInfo[]; errors: StatusError[] } {
  const { infos: manifests, readErrors } = readManifests(context, 'ignore');
  if (readErrors.length > 0) throw readErrors[0];
  const infos: ResourceInfo[] = [];
  const errors: StatusError[] = [];
  for (const manifest of manifests) {
    const object = context.runtime.api.tryGet(manifest.type.resource, manifest.namespace, manifest.name);
    const type = manifest.type;
    if (object) infos.push({ type, namespace: manifest.namespace, name: manifest.name, object });
    else
      errors.push(
        StatusError.notFound(type.group ? `${type.resource}.${type.group}` : type.resource, manifest.name),
      );
  }
  return { infos, errors };
}
