/**
 * The OpenAPI documents kubectl reads: v3 (`/openapi/v3` and one document per group version, for
 * `explain`, apply's patch strategies and the `fieldValidation` check) and v2 as protobuf (for
 * `explain -o plaintext-openapiv2`). The definitions are the simulator's own (the ones its
 * `kubectl explain` prints from), with the strategic-merge keys of its patch code added, so that
 * kubectl computes the same patches the page's kubectl does.
 */
import { createHash } from 'node:crypto';
import openapi from '../sim/kubectl/explain/openapi.json' with { type: 'json' };
import { toSwaggerSchema } from '../sim/kubectl/explain/swagger.ts';
import { listMeta } from '../sim/kubectl/manifests/patch-meta.ts';
import { GROUP_VERSIONS, type GroupVersion } from './discovery.ts';
import { encodeSwaggerDocument } from './swagger-protobuf.ts';

type Schema = Record<string, unknown>;

const V3_PREFIX = '#/components/schemas/';

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The definition a property points at, through `$ref` or v3's one-element `allOf`. */
function referenced(schemas: Record<string, Schema>, property: Schema): Schema | undefined {
  const ref =
    typeof property['$ref'] === 'string'
      ? property['$ref']
      : Array.isArray(property['allOf']) && isSchema(property['allOf'][0])
        ? property['allOf'][0]['$ref']
        : undefined;
  return typeof ref === 'string' ? schemas[ref.slice(V3_PREFIX.length)] : undefined;
}

/** Walk a kind's fields and mark the lists that merge by key (x-kubernetes-patch-merge-key). */
function annotatePatchKeys(
  schemas: Record<string, Schema>,
  kind: string,
  schema: Schema,
  path: string[],
): void {
  if (path.length > 12) return;
  const properties = schema['properties'];
  if (!isSchema(properties)) return;
  for (const [name, value] of Object.entries(properties)) {
    if (!isSchema(value)) continue;
    const fieldPath = [...path, name];
    if (value['type'] === 'array') {
      const meta = listMeta(kind, fieldPath);
      if (meta) {
        value['x-kubernetes-patch-merge-key'] = meta.mergeKey;
        value['x-kubernetes-patch-strategy'] = name === 'volumes' ? 'merge,retainKeys' : 'merge';
      }
      const items = isSchema(value['items']) ? referenced(schemas, value['items']) : undefined;
      if (items) annotatePatchKeys(schemas, kind, items, fieldPath);
    } else {
      const target = referenced(schemas, value);
      if (target) annotatePatchKeys(schemas, kind, target, fieldPath);
    }
  }
}

const schemas = structuredClone(openapi.components.schemas) as unknown as Record<string, Schema>;
for (const schema of Object.values(schemas)) {
  const gvks = schema['x-kubernetes-group-version-kind'];
  const kind = Array.isArray(gvks) && isSchema(gvks[0]) ? gvks[0]['kind'] : undefined;
  if (typeof kind === 'string') annotatePatchKeys(schemas, kind, schema, []);
}

function groupVersionPath(gv: GroupVersion): string {
  return gv.group ? `apis/${gv.group}/${gv.version}` : 'api/v1';
}

const QUERY_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
  name,
  in: 'query',
  schema: { type: name === 'force' ? 'boolean' : 'string' },
}));

function groupVersionDocument(gv: GroupVersion): string {
  const paths: Record<string, unknown> = {};
  const base = `/${groupVersionPath(gv)}`;
  for (const type of gv.types) {
    const path = type.namespaced
      ? `${base}/namespaces/{namespace}/${type.resource}/{name}`
      : `${base}/${type.resource}/{name}`;
    const gvk = { group: gv.group, version: gv.version, kind: type.kind };
    paths[path] = {
      patch: { 'x-kubernetes-group-version-kind': gvk, parameters: QUERY_PARAMETERS },
      put: { 'x-kubernetes-group-version-kind': gvk, parameters: QUERY_PARAMETERS },
    };
  }
  return JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.35.2' },
    paths,
    components: { schemas },
  });
}

interface Document {
  body: string;
  hash: string;
}

const documents = new Map<string, Document>(
  GROUP_VERSIONS.map((gv) => {
    const body = groupVersionDocument(gv);
    return [
      groupVersionPath(gv),
      { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() },
    ];
  }),
);

/** `/openapi/v3`: where each group version's document is, with its hash (clients cache by it). */
export function openApiV3Index(): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [path, document] of documents) {
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${document.hash}` };
  }
  return { paths };
}

/** `/openapi/v3/api/v1` and the like, or undefined for a group version not served. */
export function openApiV3Document(path: string): string | undefined {
  return documents.get(path)?.body;
}

let swagger: Uint8Array | undefined;

/** `/openapi/v2` as protobuf (the format kubectl asks for), built on first use. */
export function openApiV2Protobuf(): Uint8Array {
  swagger ??= encodeSwaggerDocument(
    Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toSwaggerSchema(schema)])),
  );
  return swagger;
}

export const OPENAPI_V2_PROTOBUF_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
