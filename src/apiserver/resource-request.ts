/**
 * One request on a resource path, and what both the list and the watch handlers read from it:
 * which objects it selects and how much of each object a Table row carries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../sim/api/status-error.ts';
import type { KubeObject } from '../sim/api/types.ts';
import { matchesRequirements, parseSelector, SelectorParseError } from '../sim/api/labels/selector.ts';
import { matchesFields, parseFieldSelector } from '../sim/api/field-selector.ts';
import type { IncludeObject } from './tables.ts';
import type { ResourcePath } from './request-path.ts';
import type { ServedCluster } from './served-cluster.ts';

export interface ResourceRequest {
  served: ServedCluster;
  request: IncomingMessage;
  response: ServerResponse;
  path: ResourcePath;
  query: URLSearchParams;
  body: Buffer;
}

export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** The objects a list or watch selects; a bad selector is the server's 400. */
export function selectedObjects(req: ResourceRequest): (object: Readonly<KubeObject>) => boolean {
  const { type } = req.path;
  try {
    const requirements = parseSelector(req.query.get('labelSelector') ?? '');
    const fieldTerms = parseFieldSelector(type, req.query.get('fieldSelector') ?? '');
    return (object) =>
      (req.path.namespace === undefined || object.metadata.namespace === req.path.namespace) &&
      matchesRequirements(object.metadata.labels, requirements) &&
      matchesFields(type, object, fieldTerms);
  } catch (error) {
    if (error instanceof SelectorParseError) throw StatusError.badRequest(error.message);
    throw error;
  }
}
