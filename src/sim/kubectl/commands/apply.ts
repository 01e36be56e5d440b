/**
 * `kubectl apply -f FILE|DIR|-` (client-side apply, apply.go and patcher.go): every object is read
 * first; each is created with the last-applied annotation when it does not exist, or patched with
 * a three-way strategic merge of last-applied, the manifest and the live object: `configured`, or
 * `unchanged` when the patch is empty. Reading errors come first among the failures, then each
 * object's own, as kubectl collects them.
 */
import type { KubeObject } from '../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { ErrorAggregate, formatErrors } from '../manifests/aggregate.ts';
import {
  parseValidateFlag,
  readManifests,
  type ManifestInfo,
  type ValidationDirective,
} from '../manifests/builder.ts';
import { getLastApplied, LAST_APPLIED, setLastApplied } from '../manifests/last-applied.ts';
import { applyStrategicMergePatch, threeWayMergePatch, type JsonMap } from '../manifests/strategic-merge.ts';
import { toCompactJson } from '../printers/json.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import {
  addSourceToError,
  checkOutputFormat,
  dryRunStrategy,
  printObject,
  type DryRun,
} from './write/output.ts';
import { decodePatchedForServer, serverCreate, serverUpdate } from './write/server-write.ts';
import { rejectKustomize } from './write/kustomize.ts';

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: flagsFromHelp('apply'),
  run(context) {
    rejectKustomize(context);
    const filenames = context.flag<string[]>('filename') ?? [];
    if (filenames.length === 0) throw new CommandError('must specify one of -f and -k');
    const validate = parseValidateFlag(context.flag<string>('validate'));
    // A missing file is reported before a bad -o; syntax errors only after it.
    const { infos, readErrors } = readManifests(context, validate);
    checkOutputFormat(context);
    const dryRun = dryRunStrategy(context);
    const errors: unknown[] = [];
    if (readErrors.length > 0) errors.push(new ErrorAggregate(readErrors));
    if (infos.length === 0 && errors.length === 0) throw new CommandError('no objects passed to apply');
    const serverSide = context.flag<boolean>('server-side');
    for (const info of infos) {
      try {
        applyOne(context, info, { dryRun, validate, serverSide });
      } catch (error) {
        errors.push(error);
      }
    }
    const { text, exitCode } = formatErrors(errors, context.path);
    context.stderr(text);
    return exitCode;
  },
};

interface ApplyOptions {
  dryRun: DryRun;
  validate: ValidationDirective;
  serverSide: boolean;
}

function applyOne(context: CommandContext, info: ManifestInfo, options: ApplyOptions): void {
  const { api } = context.runtime;
  const fieldManager = options.serverSide ? 'kubectl' : context.flag<string>('field-manager');
  if (info.name === '') {
    throw new CommandError(
      `error when retrieving current configuration of:\n${describeInfo(info)}\nfrom server for: "${info.source}": resource name may not be empty`,
    );
  }
  const modified = structuredClone(info.object);
  if (!options.serverSide) setLastApplied(modified);
  const live = api.tryGet(info.type.resource, info.namespace, info.name);
  const write = { dryRun: options.dryRun === 'server', validate: options.validate, fieldManager };
  if (!live) {
    if (options.dryRun === 'client') {
      printObject(context, modified, { verb: 'created', dryRun: options.dryRun, fromServer: false });
      return;
    }
    try {
      const created = serverCreate(context, info.type.resource, modified, write);
      printObject(context, created, {
        verb: options.serverSide ? 'serverside-applied' : 'created',
        dryRun: options.dryRun,
        fromServer: true,
      });
    } catch (error) {
      throw addSourceToError('creating', info.source, error);
    }
    return;
  }
  if (options.serverSide) {
    serverSideApply(context, info, live, write, options.dryRun);
    return;
  }
  if (getLastApplied(live) === undefined) {
    context.stderr(
      `Warning: resource ${objectName(info)} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = applyPatchFor(live, modified, info.object.kind);
  if (Object.keys(patch).length === 0) {
    printObject(context, live, { verb: 'unchanged', dryRun: options.dryRun, fromServer: true });
    return;
  }
  if (options.dryRun === 'client') {
    printObject(context, live, { verb: 'configured', dryRun: options.dryRun, fromServer: true });
    return;
  }
  const merged = applyStrategicMergePatch(
    live as unknown as JsonMap,
    patch,
    info.object.kind,
  ) as unknown as KubeObject;
  try {
    const decoded = decodePatchedForServer(context, merged, patch, options.validate);
    const updated = serverUpdate(context, info.type.resource, decoded, { ...write, validate: 'ignore' });
    printObject(context, updated, { verb: 'configured', dryRun: options.dryRun, fromServer: true });
  } catch (error) {
    throw addSourceToError(
      `applying patch:\n${toCompactJson(patch)}\nto:\n${describeInfo(info)}\nfor:`,
      info.source,
      error,
    );
  }
}

/** The three-way patch kubectl sends: last-applied (if any) → manifest, against the live object. */
function applyPatchFor(live: KubeObject, modified: KubeObject, kind: string): JsonMap {
  const lastApplied = getLastApplied(live);
  let original: JsonMap | undefined;
  if (lastApplied !== undefined) {
    try {
      original = JSON.parse(lastApplied) as JsonMap;
    } catch {
      original = undefined;
    }
  }
  return threeWayMergePatch(original, modified as unknown as JsonMap, live as unknown as JsonMap, kind);
}

/** `--server-side`: the manifest's fields win; managed fields are not modelled. */
function serverSideApply(
  context: CommandContext,
  info: ManifestInfo,
  live: KubeObject,
  write: { dryRun: boolean; validate: ValidationDirective; fieldManager: string },
  dryRun: DryRun,
): void {
  const patch = threeWayMergePatch(
    undefined,
    info.object as unknown as JsonMap,
    live as unknown as JsonMap,
    info.object.kind,
  );
  const merged = applyStrategicMergePatch(
    live as unknown as JsonMap,
    patch,
    info.object.kind,
  ) as unknown as KubeObject;
  const updated = serverUpdate(context, info.type.resource, merged, write);
  printObject(context, updated, { verb: 'serverside-applied', dryRun, fromServer: true });
}

/** resource.Info's String(), as kubectl prints it in apply's errors. */
function describeInfo(info: ManifestInfo): string {
  const group = info.type.group;
  const gv = group ? `${group}/${info.type.version}` : `/${info.type.version}`;
  return `Resource: "${gv}, Resource=${info.type.resource}", GroupVersionKind: "${gv}, Kind=${info.type.kind}"\nName: "${info.name}", Namespace: "${info.namespace ?? ''}"`;
}

/** `services/web`, `deployments/web`: info.ObjectName() names the mapping's resource, without its group. */
function objectName(info: ManifestInfo): string {
  return `${info.type.resource}/${info.name}`;
}
