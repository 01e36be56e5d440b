/**
 * `npm run schema`: generates src/schema/kubernetes.schema.json, the JSON schema the editor (monaco-yaml)
 * validates and documents YAML with, from the `kubernetes-types` package with ts-json-schema-generator.
 *
 * A document is one of the kinds in src/schema/kinds.ts, told apart by apiVersion and kind (both required,
 * each a const), without `status` (the server writes it, a learner does not), with the field descriptions
 * for hover, and the enum values of the Kubernetes 1.35 OpenAPI (build-openapi.ts) where kubernetes-types
 * has a plain string. Only those kinds and the definitions they reference are kept.
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

/**
 * kubernetes-types types enum fields as plain strings; the API server's OpenAPI (the one `kubectl explain`
 * ships) knows their values, so the editor can complete `type: NodePort` and flag `type: Nodeport`.
 */
function addEnums(): void {
  const openapi = JSON.parse(readFileSync('src/sim/kubectl/explain/openapi.json', 'utf8')) as {
    components: {
      schemas: Record<
        string,
        { properties?: Record<string, { enum?: unknown[]; items?: { enum?: unknown[] } }> }
      >;
    };
  };
  const schemas = openapi.components.schemas;
  for (const [name, definition] of Object.entries(definitions)) {
    const [, groupVersion, typeName = name] = /^(?:(.+)\.)?(\w+)$/.exec(name) ?? [];
    const prefixes = groupVersion
      ? [`io.k8s.api.${groupVersion.replace('.k8s.io', '')}`]
      : [
          'io.k8s.api.core.v1',
          'io.k8s.api.apps.v1',
          'io.k8s.apimachinery.pkg.apis.meta.v1',
          'io.k8s.api.discovery.v1',
        ];
    const source = prefixes.map((prefix) => schemas[`${prefix}.${typeName}`]).find(Boolean);
    const properties = (definition as { properties?: Record<string, Definition> }).properties;
    if (!source?.properties || !properties) continue;
    for (const [field, property] of Object.entries(properties)) {
      const values = source.properties[field]?.enum;
      const itemValues = source.properties[field]?.items?.enum;
      if (values && property.type === 'string') property.enum = values as Definition['enum'];
      const items = property.items as Definition | undefined;
      if (itemValues && items?.type === 'string') items.enum = itemValues as Definition['enum'];
    }
  }
}
addEnums();

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
