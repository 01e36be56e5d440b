/**
 * API discovery for the resources the simulator serves (RESOURCE_TYPES): `/version`, the legacy
 * documents (/api, /apis, /api/v1, /apis/GROUP/VERSION) and aggregated discovery
 * (apidiscovery.k8s.io/v2), which kubectl 1.35 asks for first.
 */
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../sim/api/resources.ts';

interface Subresource {
  name: string;
  kind: string;
  verbs: readonly string[];
  group?: string;
  version?: string;
}

const STATUS = (kind: string): Subresource => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });
const SCALE: Subresource = {
  name: 'scale',
  kind: 'Scale',
  group: 'autoscaling',
  version: 'v1',
  verbs: ['get', 'patch', 'update'],
};

/** The subresources this server answers (the others a kubeadm cluster has are left out). */
const SUBRESOURCES: Readonly<Record<string, readonly Subresource[]>> = {
  namespaces: [STATUS('Namespace')],
  nodes: [STATUS('Node')],
  pods: [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'binding', kind: 'Binding', verbs: ['create'] },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', kind: 'Pod', verbs: ['get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    STATUS('Pod'),
  ],
  services: [STATUS('Service')],
  deployments: [SCALE, STATUS('Deployment')],
  replicasets: [SCALE, STATUS('ReplicaSet')],
  statefulsets: [SCALE, STATUS('StatefulSet')],
};

export function subresourcesOf(type: ResourceType): readonly Subresource[] {
  return SUBRESOURCES[type.resource] ?? [];
}

export interface GroupVersion {
  group: string;
  version: string;
  types: readonly ResourceType[];
}

/** Core first, then the named groups by name, as the API server orders them. */
export const GROUP_VERSIONS: readonly GroupVersion[] = (() => {
  const byVersion = new Map<string, GroupVersion>();
  for (const type of RESOURCE_TYPES) {
    const key = apiVersionOf(type);
    const found = byVersion.get(key) ?? { group: type.group, version: type.version, types: [] };
    byVersion.set(key, { ...found, types: [...found.types, type] });
  }
  return [...byVersion.values()].sort((a, b) =>
    a.group === b.group ? 0 : a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1,
  );
})();

export function findGroupVersion(group: string, version: string): GroupVersion | undefined {
  return GROUP_VERSIONS.find((gv) => gv.group === group && gv.version === version);
}

export function groupVersionString(gv: { group: string; version: string }): string {
  return gv.group ? `${gv.group}/${gv.version}` : gv.version;
}

export const VERSION_INFO = {
  major: '1',
  minor: '35',
  emulationMajor: '1',
  emulationMinor: '35',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '34',
  gitVersion: 'v1.35.2',
  gitCommit: 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T19:58:11Z',
  goVersion: 'go1.25.7',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The APIResourceList of one group version, subresources as `pods/log` entries. */
export function resourceList(gv: GroupVersion): object {
  const resources: object[] = [];
  for (const type of [...gv.types].sort((a, b) => (a.resource < b.resource ? -1 : 1))) {
    resources.push({
      name: type.resource,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
      ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
      ...(type.categories.length > 0 ? { categories: type.categories } : {}),
    });
    for (const sub of subresourcesOf(type)) {
      resources.push({
        name: `${type.resource}/${sub.name}`,
        singularName: '',
        namespaced: type.namespaced,
        ...(sub.group ? { group: sub.group, version: sub.version } : {}),
        kind: sub.kind,
        verbs: sub.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersionString(gv), resources };
}

export function coreVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function groupList(): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: GROUP_VERSIONS.filter((gv) => gv.group).map((gv) => {
      const version = { groupVersion: groupVersionString(gv), version: gv.version };
      return { name: gv.group, versions: [version], preferredVersion: version };
    }),
  };
}

export function apiGroup(group: string): object | undefined {
  const gv = GROUP_VERSIONS.find((g) => g.group === group && group !== '');
  if (!gv) return undefined;
  const version = { groupVersion: groupVersionString(gv), version: gv.version };
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: [version], preferredVersion: version };
}

export const AGGREGATED_DISCOVERY_TYPE =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Aggregated discovery (apidiscovery.k8s.io/v2) for /api (core) or /apis (named groups). */
export function aggregatedDiscovery(core: boolean): object {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: GROUP_VERSIONS.filter((gv) => (gv.group === '') === core).map((gv) => ({
      metadata: { name: gv.group, creationTimestamp: null },
      versions: [
        {
          version: gv.version,
          resources: [...gv.types]
            .sort((a, b) => (a.resource < b.resource ? -1 : 1))
            .map((type) => ({
              resource: type.resource,
              responseKind: { group: '', version: '', kind: type.kind },
              scope: type.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: type.singular,
              verbs: type.verbs,
              ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
              ...(type.categories.length > 0 ? { categories: type.categories } : {}),
              ...(subresourcesOf(type).length > 0
                ? {
                    subresources: subresourcesOf(type).map((sub) => ({
                      subresource: sub.name,
                      responseKind: { group: sub.group ?? '', version: sub.version ?? '', kind: sub.kind },
                      verbs: sub.verbs,
                    })),
                  }
                : {}),
            })),
          freshness: 'Current',
        },
      ],
    })),
  };
}
