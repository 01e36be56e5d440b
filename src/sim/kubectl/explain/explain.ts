/**
 * `kubectl explain` against the simulated API server: resolves the resource as kubectl does
 * (pkg/explain/explain.go, pkg/cmd/explain/explain.go) and renders the Kubernetes 1.35 OpenAPI v3
 * definitions with kubectl's plaintext template.
 */
import { RESOURCE_TYPES, findResourceType, type ResourceType } from '../../api/resources.ts';
import openapi from './openapi.json' with { type: 'json' };
import { ExplainError, PlaintextRenderer, findDefinition, type OpenApiDocument } from './plaintext.ts';
import { renderOpenApiV2 } from './plaintext-openapiv2.ts';

export interface ExplainOptions {
  recursive?: boolean;
  /** `--api-version`: explain the resource in this group/version. */
  apiVersion?: string;
  outputFormat?: 'plaintext' | 'plaintext-openapiv2';
}

/** `stdout` on success; on failure `error`, the exact text kubectl writes to stderr (exit code 1). */
export type ExplainResult = { stdout: string } | { error: string };

const kubernetesOpenApi = openapi as unknown as OpenApiDocument;
const renderer = new PlaintextRenderer(kubernetesOpenApi);

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

/**
 * kubectl's shortcut expander matches short names as typed (`svc`, not `SVC`); only full names reach the
 * RESTMapper, which lowercases them (`Services`, `Service`).
 */
function isMiscasedShortName(type: ResourceType, name: string): boolean {
  const lower = name.toLowerCase();
  const fullNames = [type.resource, type.singular, type.kind.toLowerCase()];
  return !fullNames.includes(lower) && !type.shortNames.includes(name);
}

interface Resolved {
  type: ResourceType;
  gvr: GroupVersionResource;
  fieldPath: string[];
}

function resolve(path: string, apiVersion: string): Resolved {
  const nodes = fieldNodes(path);
  const firstNode = nodes?.[0];
  if (!nodes || !firstNode) {
    throw new ExplainError(
      `error: invalid jsonpath syntax, ${apiVersion ? 'all nodes must be field nodes' : 'first node must be field node'}`,
    );
  }
  const type = findResourceType(firstNode);
  if (!type || isMiscasedShortName(type, firstNode))
    throw new ExplainError(`the server doesn't have a resource type "${firstNode}"`);
  const gvr = { group: type.group, version: type.version, resource: type.resource };
  if (apiVersion) {
    return { type, gvr: { ...gvr, ...parseGroupVersion(apiVersion) }, fieldPath: nodes.slice(1) };
  }
  // `deployments.apps.spec`: the group-qualified resource is a prefix, the fields follow it.
  const groupResource = type.group ? `${type.resource}.${type.group}` : type.resource;
  if (path.startsWith(groupResource)) {
    const suffix = path.slice(groupResource.length).replace(/\.$/, '');
    return { type, gvr, fieldPath: suffix ? suffix.split('.').slice(1) : [] };
  }
  return { type, gvr, fieldPath: nodes.slice(1) };
}

/** `-o plaintext-openapiv2`: the kind from the mapper, its group/version from --api-version if given. */
function explainOpenApiV2(resolved: Resolved, options: ExplainOptions): string {
  const { group, version } = options.apiVersion ? parseGroupVersion(options.apiVersion) : resolved.type;
  const gvk = { group, version, kind: resolved.type.kind };
  const name = findDefinition(kubernetesOpenApi, gvk);
  if (name === undefined)
    throw new ExplainError(`error: couldn't find resource for "${group}/${version}, Kind=${gvk.kind}"`);
  return renderOpenApiV2(
    kubernetesOpenApi.components.schemas,
    name,
    gvk,
    resolved.fieldPath,
    options.recursive ?? false,
  );
}

function explainOpenApiV3(resolved: Resolved, options: ExplainOptions): string {
  const { gvr, fieldPath } = resolved;
  const served = RESOURCE_TYPES.filter((type) => type.group === gvr.group && type.version === gvr.version);
  if (served.length === 0) throw new ExplainError(`error: couldn't find resource for "${gvrString(gvr)}"`);
  const type = served.find((candidate) => candidate.resource === gvr.resource);
  if (!type) throw new ExplainError(`error: GVR (${gvrString(gvr)}) not found in OpenAPI schema`);
  const gvk = { group: type.group, version: type.version, kind: type.kind };
  return renderer.render(gvk, fieldPath, options.recursive ?? false);
}

export function explain(path: string, options: ExplainOptions = {}): ExplainResult {
  try {
    const resolved = resolve(path, options.apiVersion ?? '');
    if (options.outputFormat === 'plaintext-openapiv2')
      return { stdout: explainOpenApiV2(resolved, options) };
    return { stdout: explainOpenApiV3(resolved, options) };
  } catch (error) {
    if (error instanceof ExplainError) return { error: `${error.message}\n` };
    throw error;
  }
}
