/**
 * kubectl's resource builder (cli-runtime `resource.Builder`) for arguments: `TYPE`, `TYPE NAME...`,
 * `TYPE/NAME...`, `TYPE1,TYPE2 [NAME...]`, the `all` category, `-l`, `--field-selector`, `--all`
 * and `-A`, resolved against the simulated API server with kubectl's own errors. Named objects that
 * do not exist become per-name NotFound errors, so commands can go on with the others as kubectl's
 * ContinueOnError does.
 */
import type { Runtime } from '../runtime.ts';
import { RESOURCE_TYPES, findResourceType, type ResourceType } from '../api/resources.ts';
import { StatusError } from '../api/status-error.ts';
import type { KubeObject } from '../api/types.ts';
import {
  matchesRequirements,
  parseSelector,
  SelectorParseError,
  type Requirement,
} from '../api/labels/selector.ts';
import { matchesFields, parseFieldSelector, type FieldTerm } from '../api/field-selector.ts';
import { CommandError } from './command.ts';

export interface ResourceArgOptions {
  /** Namespace from `-n` or the kubeconfig context. */
  namespace: string;
  /** `-A`/`--all-namespaces`. */
  allNamespaces?: boolean;
  /** `-l`/`--selector`. */
  labelSelector?: string;
  /** `--field-selector`. */
  fieldSelector?: string;
  /** `--all` (delete, label...): every object of the types. */
  selectAll?: boolean;
  /**
   * Whether a bare `TYPE` lists every object (get, describe: allowEmptySelector). Commands that act
   * on objects (delete, label, scale) leave it false and get kubectl's "no name was specified".
   */
  listByType?: boolean;
}

/** One object found: kubectl's resource.Info. `object` is the stored object: read it, never change it. */
export interface ResourceInfo {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  object: Readonly<KubeObject>;
}

export interface ResolvedResources {
  infos: ResourceInfo[];
  /** Per-object failures (NotFound...), in argument order; kubectl prints them after the rest and exits 1. */
  errors: StatusError[];
  /** The types asked for, after expanding categories and aliases, in order and without duplicates. */
  types: ResourceType[];
  /** Arguments named objects (`TYPE NAME`, `TYPE/NAME`): no "No resources found" then. */
  byName: boolean;
  /** A single named object (kubectl's singleItemImplied: `-o yaml` prints it bare, not as a List). */
  singleItem: boolean;
}

/** `kubectl get` without arguments etc.: the text kubectl's builder gives when nothing was named. */
export const MISSING_RESOURCE_MESSAGE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/**
 * Resolve positional arguments into objects. Throws a CommandError for what kubectl's builder
 * rejects before asking the server, and a StatusError when a list request fails (bad selector).
 */
export function resolveResourceArgs(
  runtime: Runtime,
  args: readonly string[],
  options: ResourceArgOptions,
): ResolvedResources {
  const labelSelector = options.labelSelector?.trim() ?? '';
  const fieldSelector = options.fieldSelector?.trim() ?? '';
  if (options.selectAll && (labelSelector || fieldSelector)) {
    throw new CommandError("setting 'all' parameter but found a non empty selector. ");
  }
  const namespace = options.allNamespaces ? '' : options.namespace;

  const normalized = normalizeMultipleResourcesArgs(args);
  const slashCount = normalized.filter((a) => a.includes('/')).length;
  let tuples: { resource: string; name: string }[] = [];
  let resources: string[] = [];
  let names: string[] = [];
  if (slashCount > 0) {
    if (slashCount !== normalized.length) {
      throw new CommandError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    tuples = normalized.map(splitResourceTypeName);
  } else if (normalized.length > 0) {
    resources = splitResourceArgument(expandCategories(normalized[0] as string));
    names = normalized.slice(1);
  }

  const selecting =
    options.selectAll ||
    labelSelector !== '' ||
    fieldSelector !== '' ||
    (options.listByType === true && normalized.length === 1 && slashCount === 0);
  if (selecting) {
    if (names.length > 0) throw new CommandError('name cannot be provided when a selector is specified');
    if (tuples.length > 0)
      throw new CommandError(
        'selectors and the all flag cannot be used when passing resource/name arguments',
      );
    if (resources.length === 0)
      throw new CommandError('at least one resource must be specified to use a selector');
    const types = uniqueTypes(resources.map(mappingFor));
    const requirements = labelSelector
      ? parseLabelSelectorOrThrow(types[0] as ResourceType, labelSelector, fieldSelector)
      : [];
    const infos: ResourceInfo[] = [];
    for (const type of types) {
      const fieldTerms = fieldSelector ? parseFieldSelectorOrThrow(type, labelSelector, fieldSelector) : [];
      const listNamespace = type.namespaced && namespace !== '' ? namespace : undefined;
      for (const object of sortedPeek(runtime, type.resource, listNamespace)) {
        if (requirements.length > 0 && !matchesRequirements(object.metadata.labels, requirements)) continue;
        if (fieldTerms.length > 0 && !matchesFields(type, object, fieldTerms)) continue;
        infos.push({ type, namespace: object.metadata.namespace, name: object.metadata.name, object });
      }
    }
    return { infos, errors: [], types, byName: false, singleItem: false };
  }

  if (tuples.length > 0) {
    const mappings = new Map<string, ResourceType>();
    for (const tuple of tuples)
      if (!mappings.has(tuple.resource)) mappings.set(tuple.resource, mappingFor(tuple.resource));
    const requests = tuples.map((tuple) => ({
      type: mappings.get(tuple.resource) as ResourceType,
      name: tuple.name,
    }));
    return fetchNamed(runtime, requests, namespace, options.allNamespaces === true, tuples.length === 1);
  }

  if (names.length > 0) {
    if (resources.length > 1) throw new CommandError('you must specify only one resource');
    const type = mappingFor(resources[0] as string);
    return fetchNamed(
      runtime,
      names.map((name) => ({ type, name })),
      namespace,
      options.allNamespaces === true,
      names.length === 1,
    );
  }

  if (resources.length > 0) {
    for (const resource of resources) mappingFor(resource);
    throw new CommandError('resource(s) were provided, but no name was specified');
  }
  throw new CommandError(MISSING_RESOURCE_MESSAGE);
}

function fetchNamed(
  runtime: Runtime,
  requests: { type: ResourceType; name: string }[],
  namespace: string,
  allNamespaces: boolean,
  singleItem: boolean,
): ResolvedResources {
  for (const { type } of requests) {
    if (type.namespaced && namespace === '') {
      throw new CommandError(
        allNamespaces
          ? 'a resource cannot be retrieved by name across all namespaces'
          : 'namespace may not be empty when retrieving a resource by name',
      );
    }
  }
  const infos: ResourceInfo[] = [];
  const errors: StatusError[] = [];
  const types: ResourceType[] = [];
  for (const { type, name } of requests) {
    if (!types.includes(type)) types.push(type);
    const objectNamespace = type.namespaced ? namespace : undefined;
    if (name === '') {
      errors.push(StatusError.badRequest('resource name may not be empty'));
      continue;
    }
    const object = runtime.api.tryGet(type.resource, objectNamespace, name);
    if (object) infos.push({ type, namespace: objectNamespace, name, object });
    else
      errors.push(StatusError.notFound(type.group ? `${type.resource}.${type.group}` : type.resource, name));
  }
  return { infos, errors, types, byName: true, singleItem };
}

/** `pods`, `svc`, `deployments.apps`... → the type; kubectl's error for anything else. */
export function mappingFor(arg: string): ResourceType {
  const type = findResourceType(arg);
  if (!type) {
    const dot = arg.indexOf('.');
    throw new CommandError(`the server doesn't have a resource type "${dot < 0 ? arg : arg.slice(0, dot)}"`);
  }
  return type;
}

/** `all` → `pods,services,deployments.apps,replicasets.apps` (the discovery category expander). */
export function expandCategories(arg: string): string {
  return arg
    .split(',')
    .map((part) => {
      const members = RESOURCE_TYPES.filter((t) => t.categories.includes(part));
      if (members.length === 0) return part;
      return members.map((t) => (t.group ? `${t.resource}.${t.group}` : t.resource)).join(',');
    })
    .join(',');
}

/** The comma-separated parts, without repeats, in order (SplitResourceArgument). */
export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

/** `svc,deploy web` → `svc/web deploy/web` (normalizeMultipleResourcesArgs). */
function normalizeMultipleResourcesArgs(args: readonly string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(expandCategories(args[0] as string));
    if (resources.length > 1)
      return resources.flatMap((resource) => args.slice(1).map((name) => `${resource}/${name}`));
  }
  return [...args];
}

function splitResourceTypeName(arg: string): { resource: string; name: string } {
  const parts = arg.split('/');
  if (parts.length !== 2)
    throw new CommandError('arguments in resource/name form may not have more than one slash');
  const [resource = '', name = ''] = parts;
  if (resource === '' || name === '' || splitResourceArgument(resource).length !== 1) {
    throw new CommandError('arguments in resource/name form must have a single resource and name');
  }
  return { resource, name };
}

function uniqueTypes(types: ResourceType[]): ResourceType[] {
  return types.filter((type, index) => types.indexOf(type) === index);
}

/** The stored objects of one resource, sorted by namespace and name as the API server lists them. */
export function sortedPeek(
  runtime: Runtime,
  resource: string,
  namespace: string | undefined,
): Readonly<KubeObject>[] {
  const keyed: { key: string; object: Readonly<KubeObject> }[] = [];
  for (const object of runtime.api.store.peek(resource, namespace)) {
    keyed.push({ key: `${object.metadata.namespace ?? ''}/${object.metadata.name}`, object });
  }
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.object);
}

/** `/v1, Resource=pods` (schema.GroupVersionResource.String), as kubectl names a list in errors. */
function gvrString(type: ResourceType): string {
  return `${type.group}/${type.version}, Resource=${type.resource}`;
}

/** The API server answers a bad selector with 400; kubectl's selector visitor adds what it asked for. */
function listError(
  type: ResourceType,
  labelSelector: string,
  fieldSelector: string,
  message: string,
): StatusError {
  return StatusError.badRequest(
    `Unable to find "${gvrString(type)}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${message}`,
  );
}

function parseLabelSelectorOrThrow(
  type: ResourceType,
  labelSelector: string,
  fieldSelector: string,
): Requirement[] {
  try {
    return parseSelector(labelSelector);
  } catch (error) {
    if (error instanceof SelectorParseError)
      throw listError(type, labelSelector, fieldSelector, error.message);
    throw error;
  }
}

/** fields.ParseSelector and the server's check, wrapped in kubectl's list error. */
function parseFieldSelectorOrThrow(
  type: ResourceType,
  labelSelector: string,
  fieldSelector: string,
): FieldTerm[] {
  try {
    return parseFieldSelector(type, fieldSelector);
  } catch (error) {
    if (error instanceof SelectorParseError)
      throw listError(type, labelSelector, fieldSelector, error.message);
    throw error;
  }
}
