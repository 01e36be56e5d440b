/**
 * What the API server's JSON decoder says about a manifest that does not fit the Go types, with
 * kubectl 1.35's default `--validate=strict` (the server is asked for fieldValidation=Strict):
 *
 *   Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.prots"
 *   Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32
 *
 * The shapes come from the Kubernetes OpenAPI document shipped for `kubectl explain`. A type error
 * stops decoding before unknown fields are looked for, as in the apiserver (non-strict decode first).
 */
import openapi from '../explain/openapi.json' with { type: 'json' };

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode;
  allOf?: SchemaNode[];
  $ref?: string;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

const SCHEMAS = (openapi as unknown as { components: { schemas: Record<string, SchemaNode> } }).components
  .schemas;

/** Integer fields that are int64 in the Go types (the rest of the API's integers are int32). */
const INT64_FIELDS = new Set([
  'generation',
  'deletionGracePeriodSeconds',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'observedGeneration',
  'tolerationSeconds',
  'seconds',
  'supplementalGroups',
]);

export interface StrictDecodeResult {
  /** A type mismatch: the whole request fails with it. */
  typeError?: string;
  /** `unknown field "spec.prots"`, in the order the decoder meets them (keys sorted). */
  unknownFields: string[];
  /** The object as the server keeps it: unknown fields dropped. */
  known: Record<string, unknown>;
}

/** `apps/v1` + `Deployment` → `io.k8s.api.apps.v1.Deployment`, from the documents' GVK tags. */
const DEFINITION_BY_GVK = new Map<string, string>();
for (const [name, schema] of Object.entries(SCHEMAS)) {
  for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
    DEFINITION_BY_GVK.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`, name);
  }
}

export function definitionForKind(apiVersion: string, kind: string): string | undefined {
  return DEFINITION_BY_GVK.get(`${apiVersion}/${kind}`);
}

export function strictDecode(object: Record<string, unknown>, definition: string): StrictDecodeResult {
  const state: { typeError?: string; unknownFields: string[] } = { unknownFields: [] };
  const known = decodeStruct(object, definition, [], [], state) as Record<string, unknown>;
  const result: StrictDecodeResult = { unknownFields: state.unknownFields, known };
  if (state.typeError !== undefined) result.typeError = state.typeError;
  return result;
}

/** The server's message for a failed decode (transformDecodeError). */
export function decodeErrorMessage(
  apiVersion: string,
  kind: string,
  result: StrictDecodeResult,
): string | undefined {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  if (result.typeError) return prefix + result.typeError;
  if (result.unknownFields.length > 0) {
    return `${prefix}strict decoding error: ${result.unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`;
  }
  return undefined;
}

type State = { typeError?: string; unknownFields: string[] };

function resolve(node: SchemaNode): { node: SchemaNode; definition?: string } {
  const ref = node.$ref ?? node.allOf?.[0]?.$ref;
  if (!ref) return { node };
  const definition = ref.slice(ref.lastIndexOf('/') + 1);
  return { node: SCHEMAS[definition] ?? {}, definition };
}

function decodeStruct(
  value: unknown,
  definition: string,
  fieldPath: string[],
  strictPath: string[],
  state: State,
): unknown {
  const schema = SCHEMAS[definition] ?? {};
  const properties = schema.properties ?? {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as Record<string, unknown>)) {
    const child = (value as Record<string, unknown>)[key];
    const property = properties[key];
    if (!property) {
      state.unknownFields.push(joinStrict([...strictPath, key]));
      continue;
    }
    out[key] = decodeValue(
      child,
      property,
      shortName(definition),
      [...fieldPath, key],
      [...strictPath, key],
      state,
    );
  }
  return out;
}

function decodeValue(
  value: unknown,
  property: SchemaNode,
  struct: string,
  fieldPath: string[],
  strictPath: string[],
  state: State,
): unknown {
  if (value === null) return null;
  const { node, definition } = resolve(property);
  const fail = (goType: string, shown = jsonKind(value)) => {
    state.typeError ??= `json: cannot unmarshal ${shown} into Go struct field ${struct}.${fieldPath.join('.')} of type ${goType}`;
    return undefined;
  };
  if (definition === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString') {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    state.typeError ??= `json: cannot unmarshal ${jsonKind(value)} into Go value of type int32`;
    return undefined;
  }
  if (definition === 'io.k8s.apimachinery.pkg.api.resource.Quantity') {
    return typeof value === 'string' || typeof value === 'number' ? value : fail('resource.Quantity');
  }
  if (
    definition === 'io.k8s.apimachinery.pkg.apis.meta.v1.Time' ||
    definition === 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime'
  ) {
    return typeof value === 'string' ? value : fail(`v1.${shortName(definition)}`);
  }
  if (definition === 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1') return value;
  if (definition) {
    if (typeof value !== 'object' || Array.isArray(value)) return fail(`v1.${shortName(definition)}`);
    return decodeStruct(value, definition, fieldPath, strictPath, state);
  }
  const last = fieldPath[fieldPath.length - 1] ?? '';
  switch (node.type) {
    case 'string':
      return typeof value === 'string' ? value : fail('string');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('bool');
    case 'integer': {
      const goType = INT64_FIELDS.has(last) ? 'int64' : 'int32';
      if (typeof value !== 'number') return fail(goType);
      if (!Number.isInteger(value) || (goType === 'int32' && Math.abs(value) > 2 ** 31))
        return fail(goType, `number ${value}`);
      return value;
    }
    case 'array': {
      const items = node.items ?? {};
      if (!Array.isArray(value)) return fail(`[]${goTypeOf(items, last)}`);
      return value.map((item, index) => {
        const itemPath = [...strictPath.slice(0, -1), `${strictPath[strictPath.length - 1] ?? ''}[${index}]`];
        const { definition: itemDefinition } = resolve(items);
        if (
          itemDefinition &&
          SCHEMAS[itemDefinition]?.properties &&
          (typeof item !== 'object' || item === null || Array.isArray(item))
        ) {
          if (item === null) return null;
          state.typeError ??= `json: cannot unmarshal ${jsonKind(item)} into Go struct field ${struct}.${fieldPath.join('.')} of type v1.${shortName(itemDefinition)}`;
          return undefined;
        }
        return decodeValue(item, items, struct, fieldPath, itemPath, state);
      });
    }
    case 'object': {
      const values = node.additionalProperties ?? {};
      if (typeof value !== 'object' || Array.isArray(value))
        return fail(`map[string]${goTypeOf(values, last)}`);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        out[key] = decodeValue(item, values, struct, fieldPath, [...strictPath, key], state);
      }
      return out;
    }
    default:
      return value;
  }
}

function goTypeOf(node: SchemaNode, field: string): string {
  const { node: resolved, definition } = resolve(node);
  if (definition === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return 'resource.Quantity';
  if (definition) return `v1.${shortName(definition)}`;
  if (resolved.type === 'integer') return INT64_FIELDS.has(field) ? 'int64' : 'int32';
  if (resolved.type === 'boolean') return 'bool';
  return resolved.type ?? 'interface {}';
}

function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** encoding/json's name for a JSON value in UnmarshalTypeError. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/** sigs.k8s.io/json's path of an unknown field: `spec.ports[0].prots`. */
function joinStrict(path: string[]): string {
  return path.join('.');
}
