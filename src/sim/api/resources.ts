/**
 * The resource types the simulated API server serves: the discovery document from which kubectl
 * resolves `svc`, `deployments.apps` or `Service`, and `kubectl api-resources` prints.
 */
export interface ResourceType {
  /** Plural resource name, as in the URL: `services`. */
  resource: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: readonly string[];
  /** `all` lists the resources in this category. */
  categories: readonly string[];
  verbs: readonly string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCE_TYPES: readonly ResourceType[] = [
  rt('configmaps', 'configmap', 'ConfigMap', '', 'v1', true, ['cm']),
  rt('endpoints', 'endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  rt('events', 'event', 'Event', '', 'v1', true, ['ev']),
  rt(
    'namespaces',
    'namespace',
    'Namespace',
    '',
    'v1',
    false,
    ['ns'],
    [],
    ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  rt('nodes', 'node', 'Node', '', 'v1', false, ['no']),
  rt('pods', 'pod', 'Pod', '', 'v1', true, ['po'], ['all']),
  rt(
    'services',
    'service',
    'Service',
    '',
    'v1',
    true,
    ['svc'],
    ['all'],
    ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  rt('deployments', 'deployment', 'Deployment', 'apps', 'v1', true, ['deploy'], ['all']),
  rt('replicasets', 'replicaset', 'ReplicaSet', 'apps', 'v1', true, ['rs'], ['all']),
  rt('statefulsets', 'statefulset', 'StatefulSet', 'apps', 'v1', true, ['sts'], ['all']),
  rt('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io', 'v1', true, []),
];

function rt(
  resource: string,
  singular: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[],
  categories: string[] = [],
  verbs: string[] = ALL_VERBS,
): ResourceType {
  return { resource, singular, kind, group, version, namespaced, shortNames, categories, verbs };
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/**
 * `pods`, `pod`, `po`, `Pod`, `pods.v1.`, `deployments.apps`, `deploy.apps/v1`... as kubectl
 * resolves them: short names are expanded only when typed exactly (`SVC` is not `svc`), then the
 * RESTMapper lowercases what it matches against resource, singular and kind names.
 */
export function findResourceType(name: string): ResourceType | undefined {
  const dot = name.indexOf('.');
  const typed = dot < 0 ? name : name.slice(0, dot);
  const base = typed.toLowerCase();
  const qualifier = dot < 0 ? undefined : name.slice(dot + 1).toLowerCase();
  return RESOURCE_TYPES.find((type) => {
    const names = [type.resource, type.singular, type.kind.toLowerCase()];
    if (!names.includes(base) && !type.shortNames.includes(typed)) return false;
    if (qualifier === undefined) return true;
    const [group = '', version] = qualifier.split('/');
    // `pods.v1.` style (resource.version.group) and `deployments.apps` / `deployments.v1.apps`.
    const parts = qualifier.split('.');
    if (parts.length >= 2 && parts[0] === type.version) return parts.slice(1).join('.') === type.group;
    return group === type.group && (version === undefined || version === type.version);
  });
}

export function resourceTypeForKind(kind: string, apiVersion?: string): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    (type) => type.kind === kind && (apiVersion === undefined || apiVersionOf(type) === apiVersion),
  );
}
