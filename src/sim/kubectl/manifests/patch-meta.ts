/**
 * The strategic-merge metadata of the Go API types (`patchMergeKey`/`patchStrategy` struct tags):
 * which lists merge item by item and on which key, and which maps keep only the keys a patch names.
 * Lists not listed here are atomic: a patch replaces them whole.
 */

export interface ListMeta {
  mergeKey: string;
}

/** Field path (names only, no indices) suffix → merge key. Longest suffix wins. */
const MERGE_KEYS: readonly [string, string][] = [
  ['containers.ports', 'containerPort'],
  ['initContainers.ports', 'containerPort'],
  ['ephemeralContainers.ports', 'containerPort'],
  ['containers.env', 'name'],
  ['initContainers.env', 'name'],
  ['containers.volumeMounts', 'mountPath'],
  ['initContainers.volumeMounts', 'mountPath'],
  ['containers.volumeDevices', 'devicePath'],
  ['spec.containers', 'name'],
  ['spec.initContainers', 'name'],
  ['spec.ephemeralContainers', 'name'],
  ['spec.volumes', 'name'],
  ['spec.imagePullSecrets', 'name'],
  ['spec.hostAliases', 'ip'],
  ['spec.topologySpreadConstraints', 'topologyKey'],
  ['spec.resourceClaims', 'name'],
  ['metadata.ownerReferences', 'uid'],
  ['status.conditions', 'type'],
  ['status.podIPs', 'ip'],
  ['status.addresses', 'type'],
];

/** Service `spec.ports` merge on `port`; the path alone does not say it is a Service. */
const SERVICE_PORTS = 'spec.ports';

/** Fields whose patch strategy is retainKeys (a changed value drops the keys the patch leaves out). */
const RETAIN_KEYS = ['spec.strategy', 'spec.updateStrategy', 'spec.volumes[]'];

export function listMeta(kind: string, path: readonly string[]): ListMeta | undefined {
  const joined = path.join('.');
  if (kind === 'Service' && joined === SERVICE_PORTS) return { mergeKey: 'port' };
  let best: [string, string] | undefined;
  for (const entry of MERGE_KEYS) {
    if (
      (joined === entry[0] || joined.endsWith(`.${entry[0]}`)) &&
      (!best || entry[0].length > best[0].length)
    )
      best = entry;
  }
  return best ? { mergeKey: best[1] } : undefined;
}

export function retainsKeys(kind: string, path: readonly string[]): boolean {
  return kind === 'Deployment' && RETAIN_KEYS.includes(path.join('.'));
}
