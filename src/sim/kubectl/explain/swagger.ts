/**
 * An OpenAPI v3 schema as the API server serves the same definition in its OpenAPI v2 (swagger)
 * document, the one `kubectl explain -o plaintext-openapiv2` reads: a reference to another definition
 * is a `$ref` carrying the field's description (v3 wraps it in a one-element `allOf`), and references
 * point into `#/definitions/`.
 */
import type { Schema } from './plaintext.ts';

const V3_PREFIX = '#/components/schemas/';
const V2_PREFIX = '#/definitions/';

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toSwaggerSchema(schema: Schema): Schema {
  const allOf = schema['allOf'];
  const wrapped = Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0]) ? allOf[0] : undefined;
  if (wrapped && typeof wrapped['$ref'] === 'string' && !schema['properties'] && !schema['type']) {
    const { allOf: _allOf, ...rest } = schema;
    return toSwaggerSchema({ ...rest, $ref: wrapped['$ref'] });
  }
  const converted: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') converted[key] = value.replace(V3_PREFIX, V2_PREFIX);
    else if (key === 'properties' && isObject(value)) {
      converted[key] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [
          name,
          isObject(property) ? toSwaggerSchema(property) : property,
        ]),
      );
    } else if ((key === 'items' || key === 'additionalProperties') && isObject(value)) {
      converted[key] = toSwaggerSchema(value);
    } else if (key === 'allOf' && Array.isArray(value)) {
      converted[key] = value.map((item) => (isObject(item) ? toSwaggerSchema(item) : item));
    } else converted[key] = value;
  }
  return converted;
}
