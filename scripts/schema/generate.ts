/**
 * `npm run schema`: generates src/schema/kubernetes.schema.json, the JSON schema the editor (monaco-yaml)
 * validates and documents YAML with, from the `kubernetes-types` package with ts-json-schema-generator.
 *
 * A document is one of the kinds in src/schema/kinds.ts, told apart by apiVersion and kind (both required,
 * each a const), without `status` (the server writes it, a learner does not), with the field descriptions
 * for hover, and its fields aligned with the Kubernetes 1.35 API the simulator serves (alignWithServedApi).
 * Only those kinds and the definitions they reference are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { createGenerator, type Definition } from 'ts-json-schema-generator';
import { EDITOR_KINDS } from '../../src/schema/kinds.ts';

const output = 'src/schema/kubernetes.schema.json';

const generator = createGenerator({
  path: 'scripts/schema/editor-kinds.ts',
  tsconfig: 'tsconfig.json',
  skipTypeCheck: true,
  expose: 'all',
  topRef: true,
  jsDoc: 'extended',
  // Unknown fields are flagged, as the API server's strict field validation does.
  additionalProperties: false,
});

type Definitions = Record<string, Definition>;

/** Rewrites `#/definitions/<from>` references to `#/definitions/<to>`. */
function renameRefs(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, renames));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === '$ref' && typeof item === 'string') {
        const name = decodeURIComponent(item.replace('#/definitions/', ''));
        return [key, `#/definitions/${encodeURIComponent(renames.get(name) ?? name)}`];
      }
      return [key, renameRefs(item, renames)];
    }),
  );
}

const definitions: Definitions = {};
for (const { apiVersion, kind } of EDITOR_KINDS) {
  // One kind at a time: kubernetes-types has two EndpointPort (core/v1 and discovery/v1), which one
  // schema cannot name alike. A name already taken by a different definition gets the group version.
  const generated = generator.createSchema(kind).definitions ?? {};
  const renames = new Map<string, string>();
  for (const [name, definition] of Object.entries(generated)) {
    const existing = definitions[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(definition)) {
      renames.set(name, `${apiVersion.replace('/', '.')}.${name}`);
    }
  }
  for (const [name, definition] of Object.entries(generated)) {
    definitions[renames.get(name) ?? name] = renameRefs(definition, renames) as Definition;
  }

  const object = definitions[kind] as Definition & {
    properties: Record<string, Definition>;
    required?: string[];
  };
  delete object.properties['status'];
  for (const [field, value] of [
    ['apiVersion', apiVersion],
    ['kind', kind],
  ] as const) {
    object.properties[field] = {
      type: 'string',
      const: value,
      description: object.properties[field]?.description,
    };
  }
  object.required = [
    'apiVersion',
    'kind',
    ...(object.required ?? []).filter((f) => f !== 'apiVersion' && f !== 'kind'),
  ];
}

/** Only what the kinds reach: dropping `status` orphans ServiceStatus and the like. */
function reachable(roots: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key === '$ref' && typeof item === 'string')
          enter(decodeURIComponent(item.replace('#/definitions/', '')));
        else visit(item);
      }
    }
  };
  const enter = (name: string): void => {
    if (reached.has(name)) return;
    reached.add(name);
    visit(definitions[name]);
  };
  roots.forEach(enter);
  return reached;
}

type OpenApiSchema = {
  type?: string;
  description?: string;
  enum?: unknown[];
  $ref?: string;
  allOf?: OpenApiSchema[];
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  properties?: Record<string, OpenApiSchema>;
};

const served = (
  JSON.parse(readFileSync('src/sim/kubectl/explain/openapi.json', 'utf8')) as {
    components: { schemas: Record<string, OpenApiSchema> };
  }
).components.schemas;

/** The served definition an editor definition stands for: `discovery.k8s.io.v1.EndpointPort` or a plain name. */
function servedDefinition(name: string): OpenApiSchema | undefined {
  const [, groupVersion, typeName = name] = /^(?:(.+)\.)?(\w+)$/.exec(name) ?? [];
  const prefixes = groupVersion
    ? [`io.k8s.api.${groupVersion.replace('.k8s.io', '')}`]
    : [
        'io.k8s.api.core.v1',
        'io.k8s.api.apps.v1',
        'io.k8s.apimachinery.pkg.apis.meta.v1',
        'io.k8s.api.discovery.v1',
      ];
  return prefixes.map((prefix) => served[`${prefix}.${typeName}`]).find(Boolean);
}

/** A served field kubernetes-types does not have yet, as JSON schema: references to known definitions, else open objects. */
function fromServed(property: OpenApiSchema): Definition {
  const description = property.description === undefined ? {} : { description: property.description };
  const ref = property.$ref ?? property.allOf?.[0]?.$ref;
  if (ref) {
    const name = ref.split('.').pop() ?? '';
    if (name === 'IntOrString') return { type: ['number', 'string'], ...description };
    return name in definitions
      ? { $ref: `#/definitions/${name}`, ...description }
      : { type: 'object', ...description };
  }
  if (property.type === 'array' && property.items)
    return { type: 'array', items: fromServed(property.items), ...description };
  if (property.type === 'object' && typeof property.additionalProperties === 'object') {
    return {
      type: 'object',
      additionalProperties: fromServed(property.additionalProperties),
      ...description,
    };
  }
  if (property.type && property.type !== 'object') {
    return {
      type: property.type as Definition['type'],
      ...(property.enum ? { enum: property.enum as Definition['enum'] } : {}),
      ...description,
    };
  }
  return { type: 'object', ...description };
}

/**
 * kubernetes-types is at Kubernetes 1.30 and types enums and int32 fields as plain strings and numbers; the
 * simulator serves 1.35 (the OpenAPI `kubectl explain` ships). Align the fields with it, so that the editor
 * neither flags a 1.35 field nor misses `type: Nodeport` or `port: 82.5`, and lets a Quantity be a number
 * (`cpu: 1`), as the API server does.
 */
function alignWithServedApi(): void {
  const quantity = definitions['Quantity'];
  if (quantity) quantity.type = ['string', 'number'];
  const kinds = new Set(EDITOR_KINDS.map((k) => k.kind));
  for (const [name, definition] of Object.entries(definitions)) {
    const source = servedDefinition(name);
    const properties = definition.properties as Record<string, Definition> | undefined;
    if (!source?.properties || !properties) continue;
    for (const field of Object.keys(properties)) {
      if (!(field in source.properties)) {
        delete properties[field];
        definition.required = definition.required?.filter((required) => required !== field);
      }
    }
    for (const [field, servedField] of Object.entries(source.properties)) {
      if (kinds.has(name) && field === 'status') continue;
      const property = properties[field];
      if (!property) {
        properties[field] = fromServed(servedField);
        continue;
      }
      if (servedField.type === 'integer' && property.type === 'number') property.type = 'integer';
      if (servedField.enum && property.type === 'string')
        property.enum = servedField.enum as Definition['enum'];
      const items = property.items as Definition | undefined;
      if (servedField.items?.enum && items?.type === 'string')
        items.enum = servedField.items.enum as Definition['enum'];
      if (servedField.items?.type === 'integer' && items?.type === 'number') items.type = 'integer';
    }
  }
}
alignWithServedApi();

const kept = reachable(EDITOR_KINDS.map((k) => k.kind));
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes object',
  description: `One of: ${EDITOR_KINDS.map((k) => k.kind).join(', ')}.`,
  oneOf: EDITOR_KINDS.map((k) => ({ $ref: `#/definitions/${k.kind}` })),
  definitions: Object.fromEntries([...kept].sort().map((name) => [name, definitions[name]])),
};

const config = await prettier.resolveConfig(output);
writeFileSync(output, await prettier.format(JSON.stringify(schema), { ...config, parser: 'json' }));
console.log(`${output}: ${EDITOR_KINDS.length} kinds, ${kept.size} definitions`);
