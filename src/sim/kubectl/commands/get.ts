/**
 * `kubectl get`: lists or fetches objects through the resource builder, prints them with the
 * table of each kind (or `-o yaml|json|name|jsonpath|custom-columns`), and with `-w` keeps printing
 * rows as the store changes. Errors for single objects (NotFound) come after the rest, exit 1,
 * as kubectl's ContinueOnError builder does.
 */
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { resolveResourceArgs, type ResolvedResources, type ResourceInfo } from '../resource-args.ts';
import { readManifests } from '../manifests/builder.ts';
import {
  parseOutputFormat,
  printObjects,
  executeJsonPath,
  executeGoTemplate,
  type OutputFormat,
} from '../printers/output.ts';
import { tableRows } from '../printers/table-printer.ts';
import { ColumnWriter } from '../printers/tabwriter.ts';
import { toYaml } from '../printers/yaml.ts';
import { toJson } from '../printers/json.ts';
import { toKyaml } from '../printers/kyaml.ts';
import { resourceName } from '../printers/name.ts';
import { printCustomColumns } from '../printers/custom-columns.ts';
import { JsonPath, JsonPathParseError } from '../printers/jsonpath.ts';
import { relaxedJsonPath } from '../printers/custom-columns.ts';
import { StatusError } from '../../api/status-error.ts';
import type { KubeObject } from '../../api/types.ts';
import type { ResourceType } from '../../api/resources.ts';
import { formatStatusError } from '../errors.ts';
import { completeResourceArgs } from '../resource-completion.ts';
import { matchesRequirements, parseSelector } from '../../api/labels/selector.ts';

/** How long a headless `get -w` lets the cluster run before returning. */
const HEADLESS_WATCH_MS = 10 * 60 * 1000;

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  flags: flagsFromHelp('get', {
    'label-columns': { type: 'stringSlice', default: [] },
    filename: { type: 'stringSlice', default: [] },
  }),
  completeArgs: completeResourceArgs,
  run: runGet,
};

async function runGet(context: CommandContext): Promise<number> {
  const filenames = context.flag<string[]>('filename');
  if (context.positionals.length === 0 && filenames.length === 0) {
    context.stderr(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    throw new UsageError(
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }
  const allNamespaces = context.flag<boolean>('all-namespaces');
  const resolved = filenames.length > 0 ? resolveFromFiles(context) : resolveFromArgs(context, allNamespaces);
  if (context.flag<boolean>('ignore-not-found'))
    resolved.errors = resolved.errors.filter((e) => e.reason !== 'NotFound');

  if (resolved.types.some((t) => t.resource === 'endpoints')) context.stderr(endpointsWarning());

  const output = context.flag<string>('output');
  const humanReadable = output === '' || output === 'wide';
  let format: OutputFormat;
  if (humanReadable) {
    format = { kind: 'table', wide: output === 'wide' };
  } else {
    // kubectl builds the printer after fetching: a missing single object is reported first.
    if (resolved.singleItem && resolved.errors.length > 0) return printErrors(context, resolved.errors);
    format = parseOutputFormat(output, {
      tables: true,
      fs: context.runtime.fs,
      template: context.flag<string>('template'),
    });
  }

  const sortBy = context.flag<string>('sort-by');
  if (sortBy) sortInfos(resolved.infos, sortBy);

  const watching = context.flag<boolean>('watch') || context.flag<boolean>('watch-only');
  const writer = new ColumnWriter();
  if (!context.flag<boolean>('watch-only')) {
    if (format.kind === 'table') printTables(context, resolved, format.wide, allNamespaces, writer);
    else printGeneric(context, format, resolved);
  }
  if (watching) await watch(context, resolved, format, allNamespaces, writer);
  return resolved.errors.length > 0 ? printErrors(context, resolved.errors) : 0;
}

function resolveFromArgs(context: CommandContext, allNamespaces: boolean): ResolvedResources {
  return resolveResourceArgs(context.runtime, context.positionals, {
    namespace: context.namespace,
    allNamespaces,
    labelSelector: context.flag<string>('selector'),
    fieldSelector: context.flag<string>('field-selector'),
    listByType: true,
  });
}

/** `get -f svc.yaml`: the objects the manifests name, fetched from the server. */
function resolveFromFiles(context: CommandContext): ResolvedResources {
  if (context.positionals.length > 0) {
    throw new CommandError(
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  }
  const { infos: manifests, readErrors } = readManifests(context, 'ignore');
  if (readErrors.length > 0) throw readErrors[0];
  const resolved: ResolvedResources = {
    infos: [],
    errors: [],
    types: [],
    byName: true,
    singleItem: manifests.length === 1,
  };
  for (const manifest of manifests) {
    if (!resolved.types.includes(manifest.type)) resolved.types.push(manifest.type);
    const object = context.runtime.api.tryGet(manifest.type.resource, manifest.namespace, manifest.name);
    if (object)
      resolved.infos.push({
        type: manifest.type,
        namespace: manifest.namespace,
        name: manifest.name,
        object,
      });
    else {
      const type = manifest.type;
      resolved.errors.push(
        StatusError.notFound(type.group ? `${type.resource}.${type.group}` : type.resource, manifest.name),
      );
    }
  }
  return resolved;
}

/** The API server's warning on every v1 Endpoints request (1.33+), which kubectl prints once. */
export function endpointsWarning(): string {
  return 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';
}

function printErrors(context: CommandContext, errors: readonly StatusError[]): number {
  for (const error of errors) context.stderr(`${formatStatusError(error)}\n`);
  return 1;
}

function tableOptions(context: CommandContext, wide: boolean, allNamespaces: boolean, withKind: boolean) {
  return {
    nowMs: context.runtime.clock.now(),
    wide,
    withNamespace: allNamespaces,
    withKind,
    showLabels: context.flag<boolean>('show-labels'),
    labelColumns: context.flag<string[]>('label-columns'),
    noHeaders: context.flag<boolean>('no-headers'),
  };
}

/** Tables one kind after another, a blank line between, "No resources found" when nothing printed. */
function printTables(
  context: CommandContext,
  resolved: ResolvedResources,
  wide: boolean,
  allNamespaces: boolean,
  writer: ColumnWriter,
): void {
  const first = context.positionals[0] ?? '';
  const withKind =
    context.flag<boolean>('show-kind') ||
    first === 'all' ||
    first.includes(',') ||
    new Set(resolved.infos.map((i) => i.type)).size > 1;
  const options = tableOptions(context, wide, allNamespaces, withKind);
  let out = '';
  let index = 0;
  const infos = resolved.infos;
  while (index < infos.length) {
    const type = (infos[index] as ResourceInfo).type;
    const group: Readonly<KubeObject>[] = [];
    while (index < infos.length && (infos[index] as ResourceInfo).type === type)
      group.push((infos[index++] as ResourceInfo).object);
    if (out !== '' && !options.noHeaders) out += '\n';
    writer.reset();
    out += writer.format(tableRows(type, group, options));
  }
  if (out !== '') context.stdout(out);
  else if (resolved.errors.length === 0 && !context.flag<boolean>('ignore-not-found')) {
    // Cluster-scoped kinds, or -A, say it without a namespace.
    const namespaced =
      !allNamespaces && (resolved.types.length === 0 || resolved.types.every((t) => t.namespaced));
    context.stderr(
      namespaced ? `No resources found in ${context.namespace} namespace.\n` : 'No resources found\n',
    );
  }
}

function forOutput(object: Readonly<KubeObject>, showManagedFields: boolean): Readonly<KubeObject> {
  if (showManagedFields || !object.metadata.managedFields) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata: metadata as KubeObject['metadata'] };
}

function printGeneric(
  context: CommandContext,
  format: Exclude<OutputFormat, { kind: 'table' }>,
  resolved: ResolvedResources,
): void {
  const showManaged = context.flag<boolean>('show-managed-fields');
  const objects = resolved.infos.map((info) => forOutput(info.object, showManaged));
  if (format.kind === 'jsonpath') {
    const data = resolved.singleItem && objects.length === 1 ? objects[0] : undefined;
    if (data !== undefined) return context.stdout(executeJsonPath(format, data));
  }
  const text = printObjects(format, objects, {
    singleItem: resolved.singleItem,
    noHeaders: context.flag<boolean>('no-headers'),
    stdout: context.stdout,
  });
  if (text) context.stdout(text);
}

/** --sort-by: each kind's objects ordered by a JSONPath value (numbers numerically, strings naturally). */
function sortInfos(infos: ResourceInfo[], sortBy: string): void {
  let path: JsonPath;
  try {
    path = new JsonPath(relaxedJsonPath(sortBy));
  } catch (error) {
    if (error instanceof JsonPathParseError)
      throw new CommandError(`error parsing jsonpath ${sortBy}, ${error.message}`);
    throw error;
  }
  const key = new Map<ResourceInfo, unknown>();
  for (const info of infos) key.set(info, path.findResults(info.object)[0]);
  if (infos.length > 0 && [...key.values()].every((v) => v === undefined)) {
    throw new CommandError(
      `couldn't find any field with path "${relaxedJsonPath(sortBy)}" in the list of objects`,
    );
  }
  // Stable within each kind; kinds keep their order.
  const typeOrder = new Map<ResourceType, number>();
  infos.forEach((info) => typeOrder.set(info.type, typeOrder.get(info.type) ?? typeOrder.size));
  infos.sort((a, b) => {
    const byType = (typeOrder.get(a.type) ?? 0) - (typeOrder.get(b.type) ?? 0);
    if (byType !== 0) return byType;
    return compareValues(key.get(a), key.get(b));
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return naturalLess(String(a), String(b)) ? -1 : naturalLess(String(b), String(a)) ? 1 : 0;
}

/** sortorder.NaturalLess: digit runs compare as numbers. */
function naturalLess(a: string, b: string): boolean {
  const chunk = /(\d+|\D+)/g;
  const ca = a.match(chunk) ?? [];
  const cb = b.match(chunk) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] as string;
    const y = cb[i] as string;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff < 0;
      return x.length < y.length;
    }
    return x < y;
  }
  return ca.length < cb.length;
}

/**
 * `-w`: after the list, one row per change of a matching object (deleted ones too), columns kept
 * as wide as before (kubectl's tabwriter remembers widths between flushes). Headless the cluster
 * runs until it settles; in the terminal until Ctrl-C.
 */
async function watch(
  context: CommandContext,
  resolved: ResolvedResources,
  format: OutputFormat,
  allNamespaces: boolean,
  writer: ColumnWriter,
): Promise<void> {
  const types = resolved.types;
  if (types.length !== 1) {
    throw new CommandError(
      `watch is only supported on individual resources and resource collections, but ${types.length} resources were found`,
    );
  }
  const type = types[0] as ResourceType;
  const names = resolved.byName ? new Set(resolved.infos.map((i) => i.name)) : undefined;
  const selector = context.flag<string>('selector');
  const requirements = selector ? parseSelector(selector) : [];
  const namespace = allNamespaces || !type.namespaced ? undefined : context.namespace;
  const options = tableOptions(context, format.kind === 'table' && format.wide, allNamespaces, false);
  let printed = 0;
  const emit = (object: Readonly<KubeObject>): void => {
    options.nowMs = context.runtime.clock.now();
    const shown = forOutput(object, context.flag<boolean>('show-managed-fields'));
    switch (format.kind) {
      case 'table': {
        const rows = tableRows(type, [shown], {
          ...options,
          noHeaders: !(printed === 0 && context.flag<boolean>('watch-only') && !options.noHeaders),
        });
        context.stdout(writer.format(rows));
        break;
      }
      case 'name':
        context.stdout(`${resourceName(shown)}\n`);
        break;
      case 'yaml':
        context.stdout(`---\n${toYaml(shown)}`);
        break;
      case 'json':
        context.stdout(toJson(shown, { sortKeys: true }));
        break;
      case 'kyaml':
        context.stdout(toKyaml(shown, { sortKeys: true }));
        break;
      case 'jsonpath':
        context.stdout(executeJsonPath(format, shown));
        break;
      case 'custom-columns':
        context.stdout(printCustomColumns(format.columns, [shown], true));
        break;
      case 'go-template':
        context.stdout(executeGoTemplate(format, shown, context.stdout));
        break;
    }
    printed++;
  };
  const unsubscribe = context.runtime.api.store.watch((event) => {
    if (event.resource !== type.resource) return;
    const object = event.object;
    if (namespace !== undefined && object.metadata.namespace !== namespace) return;
    if (names && !names.has(object.metadata.name)) return;
    if (requirements.length > 0 && !matchesRequirements(object.metadata.labels, requirements)) return;
    emit(object);
  });
  try {
    if (context.interactive) {
      await new Promise<void>((resolve) => {
        if (!context.signal || context.signal.aborted) return resolve();
        context.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } else {
      context.runtime.controllers.settle(HEADLESS_WATCH_MS);
    }
  } finally {
    unsubscribe();
  }
}
