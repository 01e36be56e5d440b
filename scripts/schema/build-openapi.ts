/**
 * Builds the OpenAPI v3 data that the simulator's `kubectl explain` ships, from the real documents of
 * Kubernetes 1.35:
 *
 *   npx tsx scripts/schema/build-openapi.ts <openapi v3 dir> <k8s.io/api dir> [served dir]
 *
 * - <openapi v3 dir>: api/openapi-spec/v3 of the kubernetes repository, release-1.35 (api__v1_openapi.json,
 *   apis__apps__v1_openapi.json, apis__discovery.k8s.io__v1_openapi.json).
 * - <k8s.io/api dir>: the k8s.io/api module at v0.35.x (core/v1, apps/v1, discovery/v1 Go sources), read for
 *   the `+enum` types that the checked-in documents omit (see go-enums.ts).
 * - [served dir]: where to write the documents as a 1.35 API server serves them (enums included), for
 *   capture-explain.ts.
 *
 * Writes src/sim/kubectl/explain/openapi.json: the definitions reachable from the simulator's kinds only,
 * with only the keys explain reads, so the browser bundle stays small.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCE_TYPES, apiVersionOf } from '../../src/sim/api/resources.ts';
import { readEnumFields } from './go-enums.ts';
import { specFileName } from './openapi-files.ts';

type Schema = { [key: string]: unknown };
interface Document {
  components: { schemas: Record<string, Schema> };
  [key: string]: unknown;
}

const [specDir, apiDir, servedDir] = process.argv.slice(2);
if (!specDir || !apiDir)
  throw new Error('usage: build-openapi.ts <openapi v3 dir> <k8s.io/api dir> [served dir]');
const output = 'src/sim/kubectl/explain/openapi.json';

const groupVersions = [...new Set(RESOURCE_TYPES.map(apiVersionOf))];
const documents = new Map(
  groupVersions.map((gv) => [
    gv,
    JSON.parse(readFileSync(join(specDir, specFileName(gv)), 'utf8')) as Document,
  ]),
);

const enumFields = readEnumFields(
  ['core/v1', 'apps/v1', 'discovery/v1'].map((pkg) => ({
    dir: join(apiDir, pkg),
    importPath: `k8s.io/api/${pkg}`,
    definitionPrefix: `io.k8s.api.${pkg.replace('/', '.')}`,
  })),
);
for (const document of documents.values()) {
  for (const field of enumFields) {
    const properties = document.components.schemas[field.definition]?.properties as
      Record<string, Schema> | undefined;
    const property = properties?.[field.property];
    if (!property) continue;
    const target = field.placement === 'property' ? property : (property[field.placement] as Schema);
    target.enum = field.values;
    if (field.descriptionLines.length) {
      property.description = `${String(property.description ?? '')}\n\n${field.descriptionLines.join('\n')}`;
    }
  }
}

if (servedDir) {
  mkdirSync(servedDir, { recursive: true });
  for (const [gv, document] of documents)
    writeFileSync(join(servedDir, specFileName(gv)), JSON.stringify(document));
}

/** The schema keys kubectl's explain template reads; everything else (defaults, formats, patch hints) goes. */
const KEPT_KEYS = new Set([
  'description',
  'type',
  'items',
  'additionalProperties',
  'allOf',
  '$ref',
  'properties',
  'required',
  'enum',
  'x-kubernetes-group-version-kind',
]);

function trim(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(trim);
  if (typeof schema !== 'object' || schema === null) return schema;
  const kept: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT_KEYS.has(key)) continue;
    if (key === 'properties') {
      kept[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([name, property]) => [name, trim(property)]),
      );
    } else if (key === 'x-kubernetes-group-version-kind' || key === 'enum' || key === 'required') {
      kept[key] = value;
    } else {
      kept[key] = trim(value);
    }
  }
  return kept;
}

function referencedNames(schema: unknown, found: Set<string>): void {
  if (Array.isArray(schema)) schema.forEach((item) => referencedNames(item, found));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') found.add(value.replace('#/components/schemas/', ''));
      else referencedNames(value, found);
    }
  }
}

const schemas: Record<string, unknown> = {};
for (const [gv, document] of documents) {
  const all = document.components.schemas;
  const pending = Object.keys(all).filter((name) => {
    const gvks = (all[name]?.['x-kubernetes-group-version-kind'] ?? []) as {
      group: string;
      version: string;
      kind: string;
    }[];
    return gvks.some((gvk) =>
      RESOURCE_TYPES.some(
        (type) =>
          apiVersionOf(type) === gv &&
          type.group === gvk.group &&
          type.version === gvk.version &&
          type.kind === gvk.kind,
      ),
    );
  });
  const reached = new Set<string>();
  while (pending.length) {
    const name = pending.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    const refs = new Set<string>();
    referencedNames(all[name], refs);
    pending.push(...[...refs].filter((ref) => !reached.has(ref)));
  }
  for (const name of reached) {
    const trimmed = trim(all[name]);
    // Documents of different groups share definitions (ObjectMeta...): one copy serves all, if identical.
    if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(trimmed)) {
      throw new Error(`${name} differs between group versions`);
    }
    schemas[name] = trimmed;
  }
}

const sorted = Object.fromEntries(
  Object.keys(schemas)
    .sort()
    .map((name) => [name, schemas[name]]),
);
writeFileSync(output, JSON.stringify({ components: { schemas: sorted } }) + '\n');
console.log(`${output}: ${Object.keys(sorted).length} definitions`);
