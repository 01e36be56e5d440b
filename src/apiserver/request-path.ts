/**
 * The REST paths of a resource, as the API server routes them:
 * `/api/v1/namespaces/NS/pods/NAME/log`, `/apis/apps/v1/deployments`, `/api/v1/nodes/NAME`.
 */
import type { ResourceType } from '../sim/api/resources.ts';
import { findGroupVersion, type GroupVersion } from './discovery.ts';

export interface ResourcePath {
  groupVersion: GroupVersion;
  type: ResourceType;
  /** Undefined for cluster-scoped resources and for lists across all namespaces. */
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

export type ParsedPath =
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'groupVersion'; groupVersion: GroupVersion }
  | { kind: 'unknown' };

export function parsePath(pathname: string): ParsedPath {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let groupVersion: GroupVersion | undefined;
  let rest: string[];
  if (segments[0] === 'api' && segments[1] === 'v1') {
    groupVersion = findGroupVersion('', 'v1');
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    groupVersion = findGroupVersion(segments[1] ?? '', segments[2] ?? '');
    rest = segments.slice(3);
  } else return { kind: 'unknown' };
  if (!groupVersion) return { kind: 'unknown' };
  if (rest.length === 0) return { kind: 'groupVersion', groupVersion };
  let namespace: string | undefined;
  // `namespaces/NS/pods...` is a namespaced resource; `namespaces/NS[/status]` is the Namespace itself.
  const inNamespace =
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    groupVersion.types.some((t) => t.namespaced && t.resource === rest[2]);
  if (inNamespace) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length > 3) return { kind: 'unknown' };
  const type = groupVersion.types.find((t) => t.resource === rest[0]);
  if (!type) return { kind: 'unknown' };
  if (namespace !== undefined && !type.namespaced) return { kind: 'unknown' };
  return {
    kind: 'resource',
    path: { groupVersion, type, namespace, name: rest[1], subresource: rest[2] },
  };
}
