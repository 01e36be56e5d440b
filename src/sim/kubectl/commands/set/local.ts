/**
 * `--local`: the objects of `-f` files changed on the workstation only, never read from or sent to
 * the API server. kubectl decodes them into its Go types first, so printing them shows the empty
 * structs those types always carry (`strategy: {}`, `resources: {}`, `status: {}`).
 */
import type { KubeObject } from '../../../api/types.ts';
import type { CommandContext } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { ErrorAggregate } from '../../manifests/aggregate.ts';
import { readManifests } from '../../manifests/builder.ts';
import { resolveTargets, type Target } from '../write/targets.ts';
import type { DryRun } from '../write/output.ts';
import { podSpecOf } from './pod-template.ts';

/**
 * The objects a `set` subcommand changes: with `--local` those of its `-f` files, else the ones the
 * server holds for its arguments; `local` says which.
 */
export function setTargets(
  context: CommandContext,
  resources: readonly string[],
  dryRun: DryRun,
): { local: boolean; targets: Target[]; errors: unknown[] } {
  const local = context.flag<boolean>('local');
  if (local && dryRun === 'server')
    throw new CommandError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (local) return { local, targets: localTargets(context, resources), errors: [] };
  return { local, ...resolveTargets(context, { args: resources }) };
}

/** resource.LocalResourceError. */
const LOCAL_RESOURCE_ERROR = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

function localTargets(context: CommandContext, resources: readonly string[]): Target[] {
  if (resources.length > 0) throw new CommandError(LOCAL_RESOURCE_ERROR);
  const { infos, readErrors } = readManifests(context, 'ignore');
  if (readErrors.length > 0) throw new ErrorAggregate(readErrors);
  return infos.map((info) => {
    const object = structuredClone(info.object);
    // The builder gives a local object (no REST mapping) no namespace; the reader filled in the
    // default one. A file that names the default namespace itself loses it here too.
    if (object.metadata.namespace === context.namespace) delete object.metadata.namespace;
    return { ...info, object: asTyped(object) };
  });
}

/** resource.Info.ObjectName: `services/web`; a local object has no REST mapping and is `service/web`. */
export function objectName(target: Target, local: boolean): string {
  return local
    ? `${target.object.kind.toLowerCase()}/${target.name}`
    : `${target.type.resource}/${target.name}`;
}

/** The empty structs that encoding kubectl's typed object adds to what the file held. */
function asTyped(object: KubeObject): KubeObject {
  const spec = (object['spec'] ??= {}) as Record<string, unknown>;
  switch (object.kind) {
    case 'Deployment':
      spec['strategy'] ??= {};
      object['status'] ??= {};
      break;
    case 'ReplicaSet':
      object['status'] ??= { replicas: 0 };
      break;
    case 'Pod':
      object['status'] ??= {};
      break;
    case 'Service':
      object['status'] ??= { loadBalancer: {} };
      break;
    default:
      return object;
  }
  const podSpec = podSpecOf(object);
  for (const container of [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])])
    container['resources'] ??= {};
  return object;
}
