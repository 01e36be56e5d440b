/**
 * The kinds the editor's JSON schema (kubernetes.schema.json) covers: a YAML document in the editor is
 * one of these, told apart by apiVersion and kind. Generated from `kubernetes-types` by
 * `npm run schema` (scripts/schema/generate.ts), which reads this list.
 */
export interface EditorKind {
  apiVersion: string;
  kind: string;
}

export const EDITOR_KINDS: readonly EditorKind[] = [
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'v1', kind: 'Namespace' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Endpoints' },
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' },
];
