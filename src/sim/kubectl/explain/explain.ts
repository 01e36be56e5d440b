/**
 * `kubectl explain` against the simulated API server: resolves the resource as kubectl does
 * (pkg/explain/explain.go, pkg/cmd/explain/explain.go) and renders the Kubernetes 1.35 OpenAPI v3
 * definitions with kubectl's plaintext template.
 */
import { RESOURCE_TYPES, findResourceType } from '../../api/resources.ts';
import openapi from './openapi.json' with { type: 'json' };
import { ExplainError, PlaintextRenderer, type OpenApiDocument } from './plaintext.ts';

export interface ExplainOptions {
  recursive?: boolean;
  /** `--api-version`: explain the resource in this group/version. */
  apiVersion?: string;
  outputFormat?: 'plaintext' | 'plaintext-openapiv2';
}

/** `stdout` on success; on failure `error`, the exact text kubectl writes to stderr (exit code 1). */
export type ExplainResult = { stdout: string } | { error: string };

const renderer = new PlaintextRenderer(openapi as unknown as OpenApiDocument);

/** A jsonpath field list (`svc.spec.ports`), as kubectl's jsonPathParse splits it. */
function fieldNodes(path: string): string[] | undefined {
  const nodes = path.replace(/\.$/, '').split('.');
  // A `..` is a recursive descent, `[0]` a subscript: not field names.
  return nodes.some((node, index) => (node === '' && index > 0) || /[[\]*{}$@,\s]/.test(node))
    ? undefined
    : nodes;
}

interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

function gvrString(gvr: GroupVersionResource): string {
  return `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`;
}

function parseGroupVersion(text: string): { group: string; version: string } {
  const parts = text.split('/');
  if (text === '') return { group: '', version: '' };
  if (parts.length === 1) return { group: '', version: text };
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '' };
  throw new ExplainError(`error: unexpected GroupVersion string: ${text}`);
}

function resolve(path: string, apiVersion: string): { gvr: GroupVersionResource; fieldPath: string[] } {
  const nodes = fieldNodes(path);
  const firstNode = nodes?.[0];
  if (!nodes || !firstNode) {
    throw new ExplainError(
      `error: invalid jsonpath syntax, ${apiVersion ? 'all nodes must be field nodes' : 'first node must be field node'}`,
    );
  }
  const type = findResourceType(firstNode);
  if (!type) throw new ExplainError(`the server doesn't have a resource type "${firstNode.toLowerCase()}"`);
  const gvr = { group: type.group, version: type.version, resource: type.resource };
  if (apiVersion) {
    return { gvr: { ...gvr, ...parseGroupVersion(apiVersion) }, fieldPath: nodes.slice(1) };
  }
  // `deployments.apps.spec`: the group-qualified resource is a prefix, the fields follow it.
  const groupResource = type.group ? `${type.resource}.${type.group}` : type.resource;
  if (path.startsWith(groupResource)) {
    const suffix = path.slice(groupResource.length).replace(/\.$/, '');
    return { gvr, fieldPath: suffix ? suffix.split('.').slice(1) : [] };
  }
  return { gvr, fieldPath: nodes.slice(1) };
}

export function explain(path: string, options: ExplainOptions = {}): ExplainResult {
  try {
    const { gvr, fieldPath } = resolve(path, options.apiVersion ?? '');
    const served = RESOURCE_TYPES.filter((type) => type.group === gvr.group && type.version === gvr.version);
    if (served.length === 0) throw new ExplainError(`error: couldn't find resource for "${gvrString(gvr)}"`);
    const type = served.find((candidate) => candidate.resource === gvr.resource);
    if (!type) throw new ExplainError(`error: GVR (${gvrString(gvr)}) not found in OpenAPI schema`);
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    return { stdout: renderer.render(gvk, fieldPath, options.recursive ?? false) };
  } catch (error) {
    if (error instanceof ExplainError) return { error: `${error.message}\n` };
    throw error;
  }
}
