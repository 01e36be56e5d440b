/**
 * `-o custom-columns=NAME:.metadata.name,PORT:.spec.ports[*].port`: one column per spec, each
 * value found by a relaxed JSONPath (`.a.b`, `a.b`, `{.a.b}`), several values joined by commas,
 * none shown as `<none>`, values formatted as Go's `%v` would.
 */
import { JsonPath } from './jsonpath.ts';
import { CommandError } from '../command.ts';
import { formatColumns } from './tabwriter.ts';

export interface CustomColumn {
  header: string;
  path: JsonPath;
}

/** Parse the spec after `custom-columns=`; kubectl's errors for a malformed one. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0)
    throw new CommandError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0)
      throw new CommandError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: new JsonPath(relaxedJsonPath(part.slice(colon + 1))) };
  });
}

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(path: string): string {
  if (path.length === 0) return path;
  const match = /^\{?(\.?[^{}]+)\}?$/.exec(path);
  if (!match) {
    throw new CommandError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  const inner = match[1] as string;
  return `{${inner.startsWith('.') ? inner : `.${inner}`}}`;
}

export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: Iterable<unknown>,
  noHeaders: boolean,
): string {
  const rows: string[][] = [];
  if (!noHeaders) rows.push(columns.map((c) => c.header));
  for (const object of objects) {
    rows.push(
      columns.map((column) => {
        const values = column.path.findResults(object);
        const text = values.map(goValue).join(',');
        return text.length === 0 ? '<none>' : text;
      }),
    );
  }
  return formatColumns(rows);
}

/** Go's `%v` of an unstructured value: `map[a:b]`, `[x y]`, `<nil>`. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(value).replace(/e([+-])(\d)$/, 'e$10$2');
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  const record = value as Record<string, unknown>;
  return `map[${Object.keys(record)
    .sort()
    .map((key) => `${key}:${goValue(record[key])}`)
    .join(' ')}]`;
}
