/**
 * Encodes swagger definitions as the protobuf an API server serves at /openapi/v2 (gnostic-models
 * openapiv2/OpenAPIv2.proto), which kubectl decodes for `explain -o plaintext-openapiv2`. Only the
 * fields kube-openapi's util/proto reads are written.
 */
import { KUBERNETES_VERSION } from '../../src/sim/version.ts';

type Schema = { readonly [key: string]: unknown };

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

function bytesField(field: number, payload: Uint8Array): Uint8Array {
  return concat([Uint8Array.from([...varint((field << 3) | 2), ...varint(payload.length)]), payload]);
}

function stringField(field: number, value: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(value));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** NamedAny{name, value: Any{yaml}}: JSON is YAML, which is how kube-openapi reads extensions. */
function namedAny(name: string, value: unknown): Uint8Array {
  return concat([stringField(1, name), bytesField(2, stringField(2, JSON.stringify(value)))]);
}

function namedSchema(name: string, schema: Schema): Uint8Array {
  return concat([stringField(1, name), bytesField(2, encodeSchema(schema))]);
}

function encodeSchema(schema: Schema): Uint8Array {
  const parts: Uint8Array[] = [];
  if (typeof schema['$ref'] === 'string') parts.push(stringField(1, schema['$ref']));
  if (typeof schema['format'] === 'string') parts.push(stringField(2, schema['format']));
  if (typeof schema['description'] === 'string') parts.push(stringField(4, schema['description']));
  for (const name of (schema['required'] as string[] | undefined) ?? []) parts.push(stringField(19, name));
  const additional = schema['additionalProperties'];
  if (typeof additional === 'object' && additional !== null) {
    parts.push(bytesField(21, bytesField(1, encodeSchema(additional as Schema))));
  } else if (typeof additional === 'boolean') {
    parts.push(bytesField(21, Uint8Array.from([2 << 3, additional ? 1 : 0])));
  }
  if (typeof schema['type'] === 'string') parts.push(bytesField(22, stringField(1, schema['type'])));
  if (typeof schema['items'] === 'object' && schema['items'] !== null) {
    parts.push(bytesField(23, bytesField(1, encodeSchema(schema['items'] as Schema))));
  }
  for (const item of (schema['allOf'] as Schema[] | undefined) ?? [])
    parts.push(bytesField(24, encodeSchema(item)));
  const properties = schema['properties'] as Record<string, Schema> | undefined;
  if (properties) {
    parts.push(
      bytesField(
        25,
        concat(Object.entries(properties).map(([name, value]) => bytesField(1, namedSchema(name, value)))),
      ),
    );
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) parts.push(bytesField(31, namedAny(key, value)));
  }
  return concat(parts);
}

/** Document{swagger, info{title, version}, definitions}. */
export function encodeSwaggerDocument(definitions: Record<string, Schema>): Uint8Array {
  const info = concat([stringField(1, 'Kubernetes'), stringField(2, KUBERNETES_VERSION)]);
  const named = Object.entries(definitions).map(([name, schema]) => bytesField(1, namedSchema(name, schema)));
  return concat([stringField(1, '2.0'), bytesField(2, info), bytesField(9, concat(named))]);
}
