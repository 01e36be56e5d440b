/**
 * The verbs on a resource path: get, list, create, update, patch, delete (and deletecollection),
 * with `dryRun=All`, `fieldValidation`, label and field selectors, Table output, and the `status`
 * and `scale` subresources. Every write goes through the simulator's own API server (defaults,
 * validation, allocation, the server's messages); this file only translates HTTP.
 */
import { apiVersionOf } from '../sim/api/resources.ts';
import { StatusError } from '../sim/api/status-error.ts';
import type { KubeObject } from '../sim/api/types.ts';
import { applyJsonPatch } from '../sim/kubectl/manifests/json-patch.ts';
import {
  applyMergePatch,
  applyStrategicMergePatch,
  threeWayMergePatch,
  type Json,
  type JsonMap,
} from '../sim/kubectl/manifests/strategic-merge.ts';
import {
  decodeErrorMessage,
  definitionForKind,
  strictDecode,
} from '../sim/kubectl/manifests/strict-decoding.ts';
import { goValue } from '../sim/kubectl/commands/write/server-write.ts';
import { decodeBody, decodePatchBody, isObject } from './body.ts';
import { sendError, sendJson } from './respond.ts';
import { methodNotSupported, unsupportedMediaType } from './status.ts';
import { toTable, wantsTable } from './tables.ts';
import { includeObjectOf, selectedObjects, type ResourceRequest } from './resource-request.ts';
import { serveWatch } from './watch.ts';
import { subresourcesOf } from './discovery.ts';

const APPLY_PATCH = 'application/apply-patch+yaml';
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

/** Warnings the API server sends with any request on the resource (v1 Endpoints is deprecated). */
function requestWarnings(req: ResourceRequest): string[] {
  return req.served.api.requestWarnings(req.path.type.resource);
}

export function handleResource(req: ResourceRequest): void {
  const { request, path } = req;
  const method = request.method ?? 'GET';
  const { type, name, subresource } = path;
  if (subresource !== undefined) return handleSubresource(req, method);
  if (name === undefined) {
    if (method === 'GET') {
      if (['true', '1'].includes(req.query.get('watch') ?? '')) return serveWatch(req);
      return sendList(req);
    }
    if (method === 'POST') return create(req);
    if (method === 'DELETE') return deleteCollection(req);
    throw methodNotSupported(type.resource, type.group, method.toLowerCase());
  }
  if (method === 'GET') return sendObject(req, req.served.api.get(type.resource, path.namespace, name));
  if (method === 'PUT') return update(req);
  if (method === 'PATCH') return patch(req);
  if (method === 'DELETE') return remove(req);
  throw methodNotSupported(type.resource, type.group, method.toLowerCase());
}

function sendObject(req: ResourceRequest, object: KubeObject, code = 200, warnings: string[] = []): void {
  const allWarnings = [...requestWarnings(req), ...warnings];
  const tableVersion = wantsTable(req.request.headers.accept);
  if (tableVersion) {
    const table = toTable(req.path.type, [object], {
      nowMs: req.served.now(),
      version: tableVersion,
      includeObject: includeObjectOf(req.query),
    });
    return sendJson(req.response, code, table, allWarnings);
  }
  sendJson(req.response, code, object, allWarnings);
}

function sendList(req: ResourceRequest): void {
  const { type, namespace } = req.path;
  const selected = selectedObjects(req);
  const objects: Readonly<KubeObject>[] = [];
  for (const object of req.served.api.store.peek(type.resource, type.namespaced ? namespace : undefined)) {
    if (selected(object)) objects.push(object);
  }
  const key = (o: Readonly<KubeObject>) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  objects.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const resourceVersion = String(req.served.hub.resourceVersion);
  const tableVersion = wantsTable(req.request.headers.accept);
  if (tableVersion) {
    const table = toTable(type, objects, {
      nowMs: req.served.now(),
      version: tableVersion,
      includeObject: includeObjectOf(req.query),
      resourceVersion,
    });
    return sendJson(req.response, 200, table, requestWarnings(req));
  }
  const items = objects.map(({ apiVersion: _apiVersion, kind: _kind, ...item }) => item);
  sendJson(
    req.response,
    200,
    { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: { resourceVersion }, items },
    requestWarnings(req),
  );
}

function dryRunOf(req: ResourceRequest, options?: Record<string, unknown>): boolean {
  const fromBody = options?.['dryRun'];
  const values = [...req.query.getAll('dryRun'), ...(Array.isArray(fromBody) ? fromBody.map(String) : [])];
  for (const value of values) {
    if (value !== 'All')
      throw StatusError.badRequest(`Invalid dry run value: ${value}. Allowed values: [All]`);
  }
  return values.length > 0;
}

type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

function fieldValidationOf(req: ResourceRequest): FieldValidation {
  const value = req.query.get('fieldValidation') ?? 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw StatusError.badRequest(
    `Invalid field validation directive: ${value}. Allowed values: [Ignore Warn Strict]`,
  );
}

/** The body as the kind's Go type: unknown fields are an error, a warning or dropped. */
function decodeObject(req: ResourceRequest, value: unknown): { object: KubeObject; warnings: string[] } {
  const { type } = req.path;
  if (!isObject(value))
    throw StatusError.badRequest(`Object 'Kind' is missing in '${JSON.stringify(value)}'`);
  const object = value as unknown as KubeObject;
  if (typeof object.kind !== 'string' || object.kind === '')
    throw StatusError.badRequest(`Object 'Kind' is missing in '${JSON.stringify(value)}'`);
  if (object.apiVersion !== apiVersionOf(type)) {
    throw StatusError.badRequest(
      `the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
  if (object.kind !== type.kind) {
    throw StatusError.badRequest(
      `${object.kind} in version "${type.version}" cannot be handled as a ${type.kind}: the object provided is unrecognized (must be of type ${type.kind})`,
    );
  }
  object.metadata = isObject(object.metadata) ? object.metadata : ({} as KubeObject['metadata']);
  const definition = definitionForKind(object.apiVersion, object.kind);
  if (!definition) return { object, warnings: [] };
  const result = strictDecode(object as unknown as Record<string, unknown>, definition);
  const validation = fieldValidationOf(req);
  if (result.typeError)
    throw StatusError.badRequest(decodeErrorMessage(object.apiVersion, object.kind, result) as string);
  const warnings: string[] = [];
  if (result.unknownFields.length > 0) {
    if (validation === 'Strict')
      throw StatusError.badRequest(decodeErrorMessage(object.apiVersion, object.kind, result) as string);
    if (validation === 'Warn')
      warnings.push(...result.unknownFields.map((field) => `unknown field "${field}"`));
  }
  return { object: result.known as unknown as KubeObject, warnings };
}

function requireNamespaceMatch(req: ResourceRequest, object: KubeObject): void {
  const { type, namespace } = req.path;
  if (!type.namespaced) return;
  if (object.metadata.namespace && namespace !== undefined && object.metadata.namespace !== namespace) {
    throw StatusError.badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  if (namespace !== undefined) object.metadata.namespace = namespace;
}

function create(req: ResourceRequest): void {
  const { type } = req.path;
  if (type.namespaced && req.path.namespace === undefined)
    throw methodNotSupported(type.resource, type.group, 'create');
  const { object, warnings } = decodeObject(req, decodeBody(req.body, req.request.headers['content-type']));
  requireNamespaceMatch(req, object);
  const result = req.served.api.create(type.resource, object, {
    dryRun: dryRunOf(req),
    fieldManager: req.query.get('fieldManager') ?? 'kubectl-create',
  });
  req.served.catchUp();
  sendObject(req, result.object, 201, [...warnings, ...result.warnings]);
}

function update(req: ResourceRequest): void {
  const { type, name } = req.path;
  const { object, warnings } = decodeObject(req, decodeBody(req.body, req.request.headers['content-type']));
  requireNamespaceMatch(req, object);
  if (object.metadata.name !== name) {
    throw StatusError.badRequest(
      `the name of the object (${String(object.metadata.name ?? '')}) does not match the name on the URL (${name})`,
    );
  }
  const result = req.served.api.update(type.resource, object, {
    dryRun: dryRunOf(req),
    fieldManager: req.query.get('fieldManager') ?? 'kubectl-replace',
  });
  req.served.catchUp();
  sendObject(req, result.object, 200, [...warnings, ...result.warnings]);
}

/** What the API server does with a PATCH body of each media type. */
function patched(existing: KubeObject, body: Buffer, contentType: string): KubeObject {
  const mediaType = contentType.split(';')[0]?.trim() ?? '';
  if (!PATCH_TYPES.includes(mediaType)) throw unsupportedMediaType([...PATCH_TYPES, APPLY_PATCH]);
  const patch = decodePatchBody(body) as Json;
  if (mediaType === 'application/json-patch+json') {
    if (!Array.isArray(patch))
      throw StatusError.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    return applyJsonPatch(existing as unknown as Json, patch) as unknown as KubeObject;
  }
  if (!isObject(patch)) {
    throw StatusError.badRequest(
      `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
    );
  }
  if (mediaType === 'application/merge-patch+json')
    return applyMergePatch(existing as unknown as Json, patch) as unknown as KubeObject;
  return applyStrategicMergePatch(
    existing as unknown as JsonMap,
    patch as JsonMap,
    existing.kind,
  ) as unknown as KubeObject;
}

/** A patched object that does not decode is a 422 on the field `patch`, as patch.go answers. */
function decodePatched(req: ResourceRequest, object: KubeObject): { object: KubeObject; warnings: string[] } {
  const definition = definitionForKind(object.apiVersion, object.kind);
  if (!definition) return { object, warnings: [] };
  const result = strictDecode(object as unknown as Record<string, unknown>, definition);
  const invalid = (detail: string) =>
    StatusError.invalid('', '', [
      {
        type: 'Invalid value',
        field: 'patch',
        badValue: goValue(JSON.parse(req.body.toString('utf8'))),
        detail,
      },
    ]);
  if (result.typeError) throw invalid(result.typeError);
  const warnings: string[] = [];
  if (result.unknownFields.length > 0) {
    const validation = fieldValidationOf(req);
    if (validation === 'Strict')
      throw invalid(
        `strict decoding error: ${result.unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`,
      );
    if (validation === 'Warn')
      warnings.push(...result.unknownFields.map((field) => `unknown field "${field}"`));
  }
  return { object: result.known as unknown as KubeObject, warnings };
}

/**
 * Server-side apply, as the page's `apply --server-side` does it: the manifest's fields win over
 * the live object (a strategic merge of the two); field ownership is not modelled.
 */
function serverSideApply(req: ResourceRequest): void {
  const { type, namespace, name } = req.path;
  const { object: applied, warnings } = decodeObject(req, decodeBody(req.body, 'application/yaml'));
  requireNamespaceMatch(req, applied);
  if (applied.metadata.name !== name) {
    throw StatusError.badRequest(
      `the name of the object (${String(applied.metadata.name ?? '')}) does not match the name on the URL (${name})`,
    );
  }
  const options = { dryRun: dryRunOf(req), fieldManager: req.query.get('fieldManager') ?? 'kubectl' };
  const live = req.served.api.tryGet(type.resource, namespace, name as string);
  if (!live) {
    const result = req.served.api.create(type.resource, applied, options);
    req.served.catchUp();
    return sendObject(req, result.object, 201, [...warnings, ...result.warnings]);
  }
  const patchFromManifest = threeWayMergePatch(
    undefined,
    applied as unknown as JsonMap,
    live as unknown as JsonMap,
    type.kind,
  );
  const merged = applyStrategicMergePatch(live as unknown as JsonMap, patchFromManifest, type.kind);
  const result = req.served.api.update(type.resource, merged as unknown as KubeObject, options);
  req.served.catchUp();
  sendObject(req, result.object, 200, [...warnings, ...result.warnings]);
}

function patch(req: ResourceRequest): void {
  const { type, namespace, name } = req.path;
  if ((req.request.headers['content-type'] ?? '').split(';')[0]?.trim() === APPLY_PATCH)
    return serverSideApply(req);
  const existing = req.served.api.get(type.resource, namespace, name as string);
  const { object, warnings } = decodePatched(
    req,
    patched(existing, req.body, req.request.headers['content-type'] ?? ''),
  );
  const result = req.served.api.update(type.resource, object, {
    dryRun: dryRunOf(req),
    fieldManager: req.query.get('fieldManager') ?? 'kubectl-patch',
  });
  req.served.catchUp();
  sendObject(req, result.object, 200, [...warnings, ...result.warnings]);
}

function deleteOptions(req: ResourceRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  const options = decodeBody(req.body, req.request.headers['content-type']);
  return isObject(options) ? options : {};
}

function gracePeriodOf(req: ResourceRequest, options: Record<string, unknown>): number | undefined {
  const fromQuery = req.query.get('gracePeriodSeconds');
  if (fromQuery !== null) return Number(fromQuery);
  return typeof options['gracePeriodSeconds'] === 'number' ? options['gracePeriodSeconds'] : undefined;
}

function remove(req: ResourceRequest): void {
  const { type, namespace, name } = req.path;
  const options = deleteOptions(req);
  const object = req.served.api.delete(type.resource, namespace, name as string, {
    dryRun: dryRunOf(req, options),
    gracePeriodSeconds: gracePeriodOf(req, options),
  });
  req.served.catchUp();
  sendObject(req, object, 200);
}

function deleteCollection(req: ResourceRequest): void {
  const { type } = req.path;
  const options = deleteOptions(req);
  const dryRun = dryRunOf(req, options);
  const selected = selectedObjects(req);
  const deleted: KubeObject[] = [];
  for (const object of req.served.api.list(type.resource, req.path.namespace)) {
    if (!selected(object)) continue;
    deleted.push(
      req.served.api.delete(type.resource, object.metadata.namespace, object.metadata.name, {
        dryRun,
        gracePeriodSeconds: gracePeriodOf(req, options),
      }),
    );
  }
  req.served.catchUp();
  const items = deleted.map(({ apiVersion: _apiVersion, kind: _kind, ...item }) => item);
  sendJson(req.response, 200, {
    kind: `${type.kind}List`,
    apiVersion: apiVersionOf(type),
    metadata: { resourceVersion: String(req.served.hub.resourceVersion) },
    items,
  });
}

function handleSubresource(req: ResourceRequest, method: string): void {
  const { type, namespace, name, subresource } = req.path;
  const object = req.served.api.get(type.resource, namespace, name as string);
  if (subresource === 'status') {
    if (method === 'GET') return sendObject(req, object);
    if (method !== 'PUT' && method !== 'PATCH')
      throw methodNotSupported(`${type.resource}/status`, type.group, method.toLowerCase());
    const next =
      method === 'PUT'
        ? decodeObject(req, decodeBody(req.body, req.request.headers['content-type'])).object
        : patched(object, req.body, req.request.headers['content-type'] ?? '');
    if (dryRunOf(req)) return sendObject(req, { ...object, status: next['status'] });
    const stored = req.served.api.updateStatus(type.resource, namespace, name as string, next['status']);
    req.served.catchUp();
    return sendObject(req, stored ?? object);
  }
  if (subresource === 'scale' && subresourcesOf(type).some((sub) => sub.name === 'scale'))
    return scale(req, method, object);
  sendError(
    req.response,
    new StatusError({
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    }),
  );
}

/** The autoscaling/v1 Scale of a Deployment, ReplicaSet or StatefulSet (`kubectl scale`). */
function scaleOf(object: KubeObject): KubeObject {
  const spec = (object['spec'] ?? {}) as {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
  };
  const status = (object['status'] ?? {}) as { replicas?: number };
  const selector = Object.entries(spec.selector?.matchLabels ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

function scale(req: ResourceRequest, method: string, object: KubeObject): void {
  const current = scaleOf(object);
  if (method === 'GET') return sendJson(req.response, 200, current);
  if (method !== 'PUT' && method !== 'PATCH')
    throw methodNotSupported(`${req.path.type.resource}/scale`, req.path.type.group, method.toLowerCase());
  const wanted =
    method === 'PUT'
      ? (decodeBody(req.body, req.request.headers['content-type']) as KubeObject)
      : patched(current, req.body, req.request.headers['content-type'] ?? '');
  const replicas = (wanted['spec'] as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw StatusError.invalid(
      'Scale',
      object.metadata.name,
      [
        {
          type: 'Invalid value',
          field: 'spec.replicas',
          badValue: String(replicas),
          detail: 'must be an integer',
        },
      ],
      'autoscaling',
    );
  }
  const next = structuredClone(object);
  (next['spec'] as { replicas?: number }).replicas = replicas;
  const result = req.served.api.update(req.path.type.resource, next, {
    dryRun: dryRunOf(req),
    fieldManager: req.query.get('fieldManager') ?? 'kubectl-scale',
  });
  req.served.catchUp();
  sendJson(req.response, 200, scaleOf(result.object), result.warnings);
}
