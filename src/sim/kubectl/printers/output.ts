/**
 * The `-o/--output` flag: which printer a format names (kubectl's PrintFlags), with kubectl's
 * error for an unknown one, and printing objects with it: a single named object bare, several as
 * a `List` (what `kubectl get -o yaml` prints for a list request).
 */
import type { KubeObject } from '../../api/types.ts';
import type { VirtualFs } from '../../shell/vfs.ts';
import { CommandError } from '../command.ts';
import { toYaml } from './yaml.ts';
import { toJson } from './json.ts';
import { toKyaml } from './kyaml.ts';
import { resourceName } from './name.ts';
import { JsonPath, JsonPathParseError, JsonPathExecuteError, goSyntax } from './jsonpath.ts';
import { parseCustomColumns, printCustomColumns, type CustomColumn } from './custom-columns.ts';
import { GoTemplate, GoTemplateExecError, GoTemplateParseError } from './go-template.ts';
import { toCompactJson } from './json.ts';
import { goValue } from './custom-columns.ts';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'kyaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; path: JsonPath; asJson: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[] }
  | { kind: 'go-template'; template: string; engine: GoTemplate };

/** Formats of commands that print objects (create, apply, expose... `-o`), as kubectl lists them. */
export const OBJECT_FORMATS = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'kyaml',
  'name',
  'template',
  'templatefile',
  'yaml',
] as const;

/** `kubectl get` also prints tables. */
export const GET_FORMATS = [...OBJECT_FORMATS, 'custom-columns', 'custom-columns-file', 'wide'].sort();

export interface OutputFormatOptions {
  /** Whether the command prints tables (`get`): allows `wide` and `custom-columns`. */
  tables: boolean;
  /** To read `jsonpath-file=` and `custom-columns-file=`. */
  fs?: VirtualFs;
  /** `--template`: the template when the format names none (`-o go-template --template=...`). */
  template?: string;
}

export function parseOutputFormat(value: string, options: OutputFormatOptions): OutputFormat {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const argument = eq < 0 ? '' : value.slice(eq + 1);
  if (options.tables && (name === '' || name === 'wide') && eq < 0)
    return { kind: 'table', wide: name === 'wide' };
  switch (name) {
    case 'yaml':
      if (eq < 0) return { kind: 'yaml' };
      break;
    case 'json':
      if (eq < 0) return { kind: 'json' };
      break;
    case 'kyaml':
      if (eq < 0) return { kind: 'kyaml' };
      break;
    case 'name':
      if (eq < 0) return { kind: 'name' };
      break;
    case 'go-template':
    case 'template':
    case 'go-template-file':
    case 'templatefile': {
      const file = name.endsWith('file');
      const given = argument || options.template || '';
      const template = file && given ? readTemplateFile(given, options.fs) : given;
      if (template === '') throw new CommandError('template format specified but no template given');
      try {
        return { kind: 'go-template', template, engine: new GoTemplate(template) };
      } catch (error) {
        if (error instanceof GoTemplateParseError)
          throw new CommandError(`error parsing template ${template}, ${error.message}`);
        throw error;
      }
    }
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      const given = argument || options.template || '';
      const template = name === 'jsonpath-file' && given ? readTemplateFile(given, options.fs) : given;
      if (template === '') throw new CommandError('template format specified but no template given');
      try {
        return {
          kind: 'jsonpath',
          template,
          path: new JsonPath(template),
          asJson: name === 'jsonpath-as-json',
        };
      } catch (error) {
        if (error instanceof JsonPathParseError)
          throw new CommandError(`error parsing jsonpath ${template}, ${error.message}`);
        throw error;
      }
    }
    case 'custom-columns':
    case 'custom-columns-file':
      if (!options.tables) break;
      if (name === 'custom-columns-file')
        return { kind: 'custom-columns', columns: parseColumnsFile(readTemplateFile(argument, options.fs)) };
      return { kind: 'custom-columns', columns: parseCustomColumns(argument) };
    default:
      break;
  }
  const allowed = options.tables ? GET_FORMATS : [...OBJECT_FORMATS];
  throw new CommandError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed.join(',')}`,
  );
}

function readTemplateFile(path: string, fs: VirtualFs | undefined): string {
  const text = fs?.read(path);
  if (text === undefined)
    throw new CommandError(`error reading --template ${path}, open ${path}: no such file or directory`);
  return text;
}

/** A custom-columns file: a line of headers, a line of paths, aligned by whitespace. */
function parseColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const headers = (lines[0] ?? '').trim().split(/\s+/);
  const paths = (lines[1] ?? '').trim().split(/\s+/);
  if (headers.length !== paths.length) {
    throw new CommandError(
      `number of headers (${headers.length}) and field specifications (${paths.length}) don't match`,
    );
  }
  return parseCustomColumns(headers.map((h, i) => `${h}:${paths[i]}`).join(','));
}

/** The List kubectl builds around the items of a list request. */
export function asList(objects: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * Print objects with a non-table format. `singleItem`: one object named on the command line, printed
 * bare; otherwise a List (yaml, json, jsonpath) or one entry per object (name, custom-columns).
 */
export function printObjects(
  format: Exclude<OutputFormat, { kind: 'table' }>,
  objects: readonly Readonly<KubeObject>[],
  options: { singleItem: boolean; noHeaders?: boolean; stdout?: (text: string) => void },
): string {
  const data = options.singleItem && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data, { sortKeys: true });
    case 'kyaml':
      return toKyaml(data, { sortKeys: true });
    case 'name':
      return objects.map((o) => `${resourceName(o)}\n`).join('');
    case 'custom-columns':
      return printCustomColumns(format.columns, objects, options.noHeaders ?? false);
    case 'jsonpath':
      return executeJsonPath(format, data);
    case 'go-template':
      return executeGoTemplate(format, data, options.stdout);
  }
}

/**
 * Run a Go template; on failure kubectl writes what it was given to stdout for debugging and
 * fails with the error.
 */
export function executeGoTemplate(
  format: Extract<OutputFormat, { kind: 'go-template' }>,
  data: unknown,
  stdout: ((text: string) => void) | undefined,
): string {
  try {
    return format.engine.execute(data);
  } catch (error) {
    if (!(error instanceof GoTemplateExecError)) throw error;
    stdout?.(
      `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${format.template}\n` +
        `\traw data was:\n\t\t${toCompactJson(data, { sortKeys: true })}\n` +
        `\tobject given to template engine was:\n\t\t${goValue(data)}\n\n`,
    );
    throw new CommandError(`error executing template ${JSON.stringify(format.template)}: ${error.message}`);
  }
}

export function executeJsonPath(format: Extract<OutputFormat, { kind: 'jsonpath' }>, data: unknown): string {
  try {
    if (format.asJson) return toJson(format.path.findResults(data), { sortKeys: true });
    return format.path.execute(data);
  } catch (error) {
    if (error instanceof JsonPathExecuteError) {
      throw new CommandError(
        `error executing jsonpath ${JSON.stringify(format.template)}: Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${format.template}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`,
      );
    }
    throw error;
  }
}
