/**
 * `kubectl explain -o plaintext-openapiv2`: kubectl's older explain printer (staging/src/k8s.io/kubectl/
 * pkg/explain: field_lookup, model_printer, fields_printer, recursive_fields_printer, typename, formatter)
 * over the OpenAPI v2 models of k8s.io/kube-openapi/pkg/util/proto, which it builds from the swagger
 * document (swagger.ts).
 */
import { ExplainError, type Schema } from './plaintext.ts';
import { toSwaggerSchema } from './swagger.ts';

interface Base {
  description: string;
}
type Model =
  | (Base & { kind: 'reference'; reference: string })
  | (Base & { kind: 'object'; fields: Map<string, Model>; required: readonly string[] })
  | (Base & { kind: 'map'; sub: Model })
  | (Base & { kind: 'array'; sub: Model })
  | (Base & { kind: 'primitive'; type: string })
  | (Base & { kind: 'arbitrary' });

const DEFINITIONS = '#/definitions/';

/** kube-openapi's Definitions: models parsed from swagger schemas, references followed lazily. */
class Definitions {
  private readonly models = new Map<string, Model>();

  constructor(private readonly schemas: Record<string, Schema>) {}

  lookup(name: string): Model | undefined {
    let model = this.models.get(name);
    const schema = this.schemas[name];
    if (!model && schema) {
      model = this.parse(toSwaggerSchema(schema));
      this.models.set(name, model);
    }
    return model;
  }

  /** ParseSchema: a reference, else by type (none or object with properties: a Kind). */
  private parse(schema: Schema): Model {
    const description = typeof schema['description'] === 'string' ? schema['description'] : '';
    const ref = schema['$ref'];
    if (typeof ref === 'string' && ref)
      return { kind: 'reference', reference: ref.replace(DEFINITIONS, ''), description };
    const type = schema['type'];
    const properties = schema['properties'] as Record<string, Schema> | undefined;
    const object = () => {
      const fields = new Map(
        Object.entries(properties ?? {}).map(([name, value]) => [name, this.parse(value)]),
      );
      const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
      return { kind: 'object' as const, fields, required, description };
    };
    if (type === undefined) return properties ? object() : { kind: 'arbitrary', description };
    if (type === 'object') {
      if (properties) return object();
      const additional = schema['additionalProperties'];
      const sub: Model =
        typeof additional === 'object' && additional !== null
          ? this.parse(additional as Schema)
          : { kind: 'arbitrary', description };
      return { kind: 'map', sub, description };
    }
    if (type === 'array')
      return { kind: 'array', sub: this.parse((schema['items'] ?? {}) as Schema), description };
    return { kind: 'primitive', type: String(type), description };
  }
}

/** explain.Formatter: indentation, and wrapping at 80 columns with its own word wrap. */
class Formatter {
  constructor(
    readonly out: string[],
    readonly indentLevel = 0,
    readonly wrap = 80,
  ) {}

  indent(amount: number): Formatter {
    return new Formatter(this.out, this.indentLevel + amount, this.wrap);
  }

  write(text: string): void {
    this.out.push(text === '' ? '\n' : `${' '.repeat(this.indentLevel)}${text}\n`);
  }

  writeWrapped(text: string): void {
    for (const line of wrapString(text, this.wrap - this.indentLevel)) this.write(line);
  }
}

const BULLET = /^(\d+\.?|-|\*)\s/;
const byteLength = (text: string) => new TextEncoder().encode(text).length;
const goFields = (text: string) => text.split(/[\s\u0085\u00a0]+/u).filter(Boolean);

function shouldStartNewLine(lastWord: string, text: string): boolean {
  if (lastWord.endsWith(':') || text.startsWith('    ')) return true;
  const trimmed = text.trim();
  return trimmed.length === 0 || BULLET.test(trimmed);
}

/** formatter.go's wrapString: paragraphs, indented lines and bullets keep their own lines. */
function wrapString(text: string, wrap: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = '';
  const flush = () => {
    if (words.length) {
      lastWord = '';
      wrapped.push(words.join(' '));
      words = [];
    }
  };
  const add = (word: string) => {
    const next = [...words, word];
    if (byteLength(next.join(' ')) <= wrap || words.length === 0) {
      words = next;
      return true;
    }
    return false;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush();
      wrapped.push(line);
      continue;
    }
    if (wrapped.length > 0 && line.trim().length === 0) {
      flush();
      wrapped.push('');
      continue;
    }
    if (shouldStartNewLine(lastWord, line)) flush();
    for (const word of goFields(line)) {
      lastWord = word;
      if (!add(word)) {
        flush();
        add(word);
      }
    }
  }
  flush();
  return wrapped;
}

function typeName(model: Model, definitions: Definitions): string {
  switch (model.kind) {
    case 'array':
      return `[]${typeName(model.sub, definitions)}`;
    case 'map':
      return `map[string]${typeName(model.sub, definitions)}`;
    case 'object':
      return 'Object';
    case 'primitive':
      return model.type;
    case 'reference': {
      const target = definitions.lookup(model.reference);
      return target ? typeName(target, definitions) : '';
    }
    case 'arbitrary':
      return '';
  }
}

/** field_lookup.go: follows the path; a primitive ends the walk whatever path is left. */
function lookupField(model: Model, path: readonly string[], definitions: Definitions): Model {
  const [first, ...rest] = path;
  switch (model.kind) {
    case 'array':
    case 'map':
      return first === undefined ? model : lookupField(model.sub, path, definitions);
    case 'primitive':
    case 'arbitrary':
      return model;
    case 'reference': {
      const target = definitions.lookup(model.reference);
      return first === undefined || !target ? model : lookupField(target, path, definitions);
    }
    case 'object': {
      if (first === undefined) return model;
      const field = model.fields.get(first);
      if (!field) throw new ExplainError(`error: field "${first}" does not exist`);
      return lookupField(field, rest, definitions);
    }
  }
}

function printFields(model: Model, writer: Formatter, definitions: Definitions): void {
  if (model.kind === 'array' || model.kind === 'map') printFields(model.sub, writer, definitions);
  else if (model.kind === 'reference') {
    const target = definitions.lookup(model.reference);
    if (target) printFields(target, writer, definitions);
  } else if (model.kind === 'object') {
    for (const key of [...model.fields.keys()].sort()) {
      const field = model.fields.get(key) as Model;
      const required = model.required.includes(key) ? ' -required-' : '';
      writer.write(`${key}\t<${typeName(field, definitions)}>${required}`);
      writer.indent(2).writeWrapped(field.description);
      writer.write('');
    }
  }
}

/** recursive_fields_printer.go: names and types only, three more columns per level, stopping at cycles. */
function printFieldsRecursively(
  model: Model,
  writer: Formatter,
  definitions: Definitions,
  visiting: Set<string>,
): void {
  if (model.kind === 'array' || model.kind === 'map')
    printFieldsRecursively(model.sub, writer, definitions, visiting);
  else if (model.kind === 'reference') {
    const target = definitions.lookup(model.reference);
    if (visiting.has(model.reference) || !target) return;
    visiting.add(model.reference);
    printFieldsRecursively(target, writer, definitions, visiting);
    visiting.delete(model.reference);
  } else if (model.kind === 'object') {
    for (const key of [...model.fields.keys()].sort()) {
      const field = model.fields.get(key) as Model;
      writer.write(`${key}\t<${typeName(field, definitions)}>`);
      printFieldsRecursively(field, writer.indent(3), definitions, visiting);
    }
  }
}

/** model_printer.go. */
function printModel(
  name: string,
  model: Model,
  gvk: { group: string; version: string; kind: string },
  recursive: boolean,
  definitions: Definitions,
): string {
  const out: string[] = [];
  const writer = new Formatter(out);
  const descriptions: string[] = [];
  let type = '';
  const printKindAndVersion = () => {
    writer.write(`KIND:     ${gvk.kind}`);
    writer.write(`VERSION:  ${gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version}\n`);
  };
  const printDescription = (own: string) => {
    writer.write('DESCRIPTION:');
    let empty = true;
    [...descriptions, own].forEach((description, index) => {
      if (description === '') return;
      empty = false;
      if (index !== 0) writer.write('');
      writer.indent(5).writeWrapped(description);
    });
    if (empty) writer.indent(5).writeWrapped('<empty>');
  };
  const visit = (current: Model): void => {
    switch (current.kind) {
      case 'array':
      case 'map':
        descriptions.push(current.description);
        type ||= typeName(current, definitions);
        return visit(current.sub);
      case 'reference': {
        descriptions.push(current.description);
        const target = definitions.lookup(current.reference);
        return target ? visit(target) : undefined;
      }
      case 'object':
        printKindAndVersion();
        type ||= typeName(current, definitions);
        if (name) writer.write(`RESOURCE: ${name} <${type}>\n`);
        printDescription(current.description);
        writer.write('\nFIELDS:');
        if (recursive) printFieldsRecursively(current, writer.indent(3), definitions, new Set());
        else printFields(current, writer.indent(3), definitions);
        return;
      case 'primitive':
        printKindAndVersion();
        type ||= typeName(current, definitions);
        writer.write(`FIELD:    ${name} <${type}>\n`);
        return printDescription(current.description);
      case 'arbitrary':
        printKindAndVersion();
        return printDescription(current.description);
    }
  };
  visit(model);
  return out.join('');
}

export function renderOpenApiV2(
  schemas: Record<string, Schema>,
  definitionName: string,
  gvk: { group: string; version: string; kind: string },
  fieldPath: readonly string[],
  recursive: boolean,
): string {
  const definitions = new Definitions(schemas);
  const model = definitions.lookup(definitionName);
  if (!model)
    throw new ExplainError(
      `error: couldn't find resource for "${gvk.group}/${gvk.version}, Kind=${gvk.kind}"`,
    );
  const leaf = lookupField(model, fieldPath, definitions);
  return printModel(fieldPath[fieldPath.length - 1] ?? '', leaf, gvk, recursive, definitions);
}
