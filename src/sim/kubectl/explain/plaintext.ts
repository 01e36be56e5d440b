/**
 * kubectl 1.35's explain renderer: a port of staging/src/k8s.io/kubectl/pkg/explain/v2/templates/
 * plaintext.tmpl, template by template (output, fieldList, fieldDetail, description, typeGuess,
 * extractEnum), with Go template truthiness, so that it prints what kubectl prints for the same
 * OpenAPI v3 document as input.
 */
import { wrapString } from './word-wrap.ts';

export type Schema = { readonly [key: string]: unknown };

export interface OpenApiDocument {
  components: { schemas: Record<string, Schema> };
}

/** Thrown as the template's `throw`: kubectl prints the message as the error. */
export class ExplainError extends Error {}

/** Go template truth: false, 0, nil, "" and empty slices and maps are false. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function asSchema(value: unknown): Schema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;
}

/** The `indent` template function: pads the first line and every line after a newline. */
function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', `\n${pad}`);
}

/** Sub-schemas of additionalProperties count only when they are schemas, not `true`. */
function additionalSchema(schema: Schema): Schema | undefined {
  const value = schema['additionalProperties'];
  return truthy(value) && typeof value !== 'boolean' ? asSchema(value) : undefined;
}

function allOf(schema: Schema): Schema[] {
  const value = schema['allOf'];
  return Array.isArray(value) ? value.map((item) => asSchema(item) ?? {}) : [];
}

function properties(schema: Schema): Record<string, Schema> | undefined {
  return asSchema(schema['properties']) as Record<string, Schema> | undefined;
}

type History = ReadonlySet<string>;

/** The name of the definition carrying this group/version/kind, the first in name order. */
export function findDefinition(
  openapi: OpenApiDocument,
  gvk: { group: string; version: string; kind: string },
): string | undefined {
  const schemas = openapi.components.schemas;
  return Object.keys(schemas)
    .sort()
    .find((name) => {
      const gvks = schemas[name]?.['x-kubernetes-group-version-kind'];
      return (
        Array.isArray(gvks) &&
        gvks.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)
      );
    });
}

export class PlaintextRenderer {
  constructor(private readonly openapi: OpenApiDocument) {}

  /** The whole output for a kind: header, then the field path's description and fields. */
  render(
    gvk: { group: string; version: string; kind: string },
    fieldPath: readonly string[],
    recursive: boolean,
  ): string {
    const name = findDefinition(this.openapi, gvk);
    const schema = name === undefined ? undefined : this.openapi.components.schemas[name];
    if (!schema)
      throw new ExplainError(
        `error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`,
      );
    let header = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
    header += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
    const body = this.output(schema, new Set(), fieldPath, recursive);
    if (!body)
      throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1] ?? ''}" does not exist`);
    return `${header}${body}\n`;
  }

  private resolveRef(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#') || ref.length === 1) return undefined;
    let current: unknown = this.openapi;
    for (const component of ref.slice(1).split('/')) {
      if (component === '') continue;
      current = asSchema(current)?.[component];
      if (!asSchema(current)) return undefined;
    }
    return asSchema(current);
  }

  private resolved(schema: Schema): { ref: string; schema: Schema } {
    const ref = truthy(schema['$ref']) ? String(schema['$ref']) : '';
    const target = this.resolveRef(ref);
    return { ref, schema: truthy(target) ? (target as Schema) : schema };
  }

  private output(schema: Schema, history: History, fieldPath: readonly string[], recursive: boolean): string {
    const { ref, schema: resolved } = this.resolved(schema);
    const next = new Set(history).add(ref);
    const [first] = fieldPath;
    if (first === undefined) {
      let text = `DESCRIPTION:\n${indent(4, wrapString(this.description(resolved) || '<empty>', 76))}\n`;
      const fields = this.fieldList(resolved, 1, new Set(), recursive);
      if (fields) text += `FIELDS:\n${fields}`;
      return text;
    }
    if (ref && history.has(ref)) return '';
    const property = properties(resolved)?.[first];
    if (truthy(property)) {
      const subschema = property as Schema;
      let text = '';
      if (fieldPath.length === 1) {
        text += `FIELD: ${first} <${this.typeGuess(subschema)}>\n${this.extractEnum(subschema, true, -1, 0)}\n\n`;
      }
      return text + this.output(subschema, new Set(), fieldPath.slice(1), recursive);
    }
    const items = asSchema(resolved['items']);
    if (truthy(items)) return this.output(items as Schema, next, fieldPath, recursive);
    const additional = additionalSchema(resolved);
    if (additional) return this.output(additional, next, fieldPath, recursive);
    for (const alternative of allOf(resolved)) {
      const text = this.output(alternative, next, fieldPath, recursive);
      if (text) return text;
    }
    return '';
  }

  private fieldList(schema: Schema, level: number, history: History, recursive: boolean): string {
    const { ref, schema: resolved } = this.resolved(schema);
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    let text = '';
    const fields = properties(resolved) ?? {};
    for (const name of Object.keys(fields).sort()) {
      text += this.fieldDetail(name, resolved, recursive, level);
      if (recursive) text += this.fieldList(fields[name] ?? {}, level + 1, next, recursive);
    }
    for (const alternative of allOf(resolved)) text += this.fieldList(alternative, level, next, recursive);
    const items = asSchema(resolved['items']);
    if (truthy(items)) text += this.fieldList(items as Schema, level, next, recursive);
    const additional = additionalSchema(resolved);
    if (additional) text += this.fieldList(additional, level, next, recursive);
    return text;
  }

  private fieldDetail(name: string, schema: Schema, short: boolean, level: number): string {
    const indentAmount = level * 2;
    const field = properties(schema)?.[name] ?? {};
    const required = schema['required'];
    let text = `${indent(indentAmount, name)}\t<${this.typeGuess(field)}>`;
    if (Array.isArray(required) && required.includes(name)) text += ' -required-';
    text += `${this.extractEnum(field, false, 4, indentAmount)}\n`;
    if (!short) {
      const description = truthy(field['description']) ? String(field['description']) : '<no description>';
      text += `${indent(indentAmount + 2, wrapString(description, 78 - indentAmount))}\n\n`;
    }
    return text;
  }

  private description(schema: Schema): string {
    const target = this.resolveRef(schema['$ref']);
    const resolved = truthy(target) ? (target as Schema) : schema;
    if (!truthy(resolved)) return '';
    let text = truthy(resolved['description']) ? `${String(resolved['description'])}\n` : '';
    for (const alternative of allOf(resolved)) text += this.description(alternative);
    const items = asSchema(resolved['items']);
    if (truthy(items)) text += this.description(items as Schema);
    const additional = additionalSchema(resolved);
    if (additional) text += this.description(additional);
    return text;
  }

  private typeGuess(schema: Schema): string {
    if (!truthy(schema)) throw new Error("expected schema argument to subtemplate 'typeguess'");
    const items = asSchema(schema['items']);
    if (truthy(items)) return `[]${this.typeGuess(items as Schema)}`;
    const additional = additionalSchema(schema);
    if (additional) return `map[string]${this.typeGuess(additional)}`;
    const alternatives = allOf(schema);
    if (alternatives.length === 1 && !truthy(schema['properties']))
      return this.typeGuess(alternatives[0] as Schema);
    const ref = schema['$ref'];
    if (truthy(ref)) {
      const refSchema = this.resolveRef(ref);
      const refType = refSchema?.['type'];
      if (!truthy(refSchema) || !truthy(refType) || refType === 'object') {
        return String(ref).split('/').pop()?.split('.').pop() || 'Object';
      }
      return String(refType);
    }
    const type = schema['type'];
    if (type === 'object') return 'Object';
    return truthy(type) ? String(type) : 'Object';
  }

  private extractEnum(schema: Schema, isLongView: boolean, limit: number, indentAmount: number): string {
    const values = schema['enum'];
    if (!Array.isArray(values) || values.length === 0) return '';
    let text = isLongView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
    for (const [index, value] of values.entries()) {
      if (limit > -1 && index >= limit) {
        text += ', ....';
        break;
      }
      if (index > 0 && !isLongView) text += ', ';
      else if (isLongView) text += '\n    ';
      text += value === '' ? '""' : String(value);
    }
    return text;
  }
}
