/**
 * kubectl's resource builder for `-f`: reads every source, decodes its documents, checks them the
 * way kubectl 1.35 does with its default `--validate=strict` (kind and apiVersion set, the type
 * known to the server), expands `kind: List`, and sets each object's namespace.
 *
 * Errors are split as kubectl's visitors split them: a document whose type is unknown is an error
 * of that item, while a syntax or validation error ends the reading of its file. Commands print
 * per-item failures of their own first and reading errors after them (ContinueOnErrorVisitor
 * around an EagerVisitorList), which `readErrors` keeps in reading order for.
 */
import { resourceTypeForKind, type ResourceType } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { CommandError, type CommandContext } from '../command.ts';
import { toCompactJson } from '../printers/json.ts';
import { decodeManifestStream, type JsonValue } from './decode.ts';
import { expandFilenames } from './sources.ts';

export type ValidationDirective = 'strict' | 'warn' | 'ignore';

export interface ManifestInfo {
  /** The file it came from, as kubectl names it (`svc.yaml`, `dir/a.yaml`, `STDIN`). */
  source: string;
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  object: KubeObject;
}

interface ManifestReadOptions {
  /** Namespace from `-n` or the context. */
  namespace: string;
  /** `-n` given: an object in another namespace is refused (kubectl's enforceNamespace). */
  enforceNamespace: boolean;
  validate: ValidationDirective;
}

export interface ManifestReadResult {
  infos: ManifestInfo[];
  /** Reading errors (unknown types, syntax, validation), in reading order. */
  readErrors: Error[];
}

/** `--validate` as kubectl 1.35 reads it: true/strict, warn, false/ignore. */
export function parseValidateFlag(value: string): ValidationDirective {
  switch (value.toLowerCase()) {
    case 'true':
    case 'strict':
      return 'strict';
    case 'warn':
      return 'warn';
    case 'false':
    case 'ignore':
      return 'ignore';
    default:
      throw new CommandError(
        `invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`,
      );
  }
}

/** What the command's `-f` (`-` for stdin) and `-R` name, read in its namespace. */
export function readManifests(context: CommandContext, validate: ValidationDirective): ManifestReadResult {
  const options: ManifestReadOptions = {
    namespace: context.namespace,
    enforceNamespace: context.namespaceExplicit,
    validate,
  };
  const filenames = context.flag<string[]>('filename') ?? [];
  const recursive = context.flag<boolean>('recursive') ?? false;
  const infos: ManifestInfo[] = [];
  const readErrors: Error[] = [];
  for (const source of expandFilenames(context.runtime.fs, filenames, recursive, context.stdin)) {
    const stream = decodeManifestStream(source.text);
    for (const document of stream.documents) {
      const problem = readDocument(document, source.name, options, infos, readErrors);
      if (problem === 'stop') break;
    }
    if (
      stream.error !== undefined &&
      !readErrors.some((e) => e instanceof StreamStop && e.source === source.name)
    ) {
      readErrors.push(new CommandError(`error parsing ${source.name}: ${stream.error}`));
    }
  }
  return { infos, readErrors };
}

/** An error that ended the reading of one file. */
class StreamStop extends CommandError {
  constructor(
    message: string,
    readonly source: string,
  ) {
    super(message);
  }
}

function readDocument(
  document: JsonValue,
  source: string,
  options: ManifestReadOptions,
  infos: ManifestInfo[],
  readErrors: Error[],
): 'stop' | undefined {
  if (document === null || typeof document !== 'object') {
    if (options.validate !== 'ignore') {
      readErrors.push(new StreamStop(validationMessage(source, 'invalid object to validate'), source));
      return 'stop';
    }
    const kind = typeof document === 'boolean' ? 'bool' : typeof document;
    readErrors.push(
      new CommandError(
        `unable to decode "${source}": json: cannot unmarshal ${kind} into Go value of type unstructured.detector`,
      ),
    );
    return undefined;
  }
  // A top-level sequence is not an object kubectl knows; it reads nothing from it.
  if (Array.isArray(document)) return undefined;
  const object = document as Record<string, JsonValue>;
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  if (options.validate !== 'ignore' && (apiVersion === '' || kind === '')) {
    const missing = [
      ...(apiVersion === '' ? ['apiVersion not set'] : []),
      ...(kind === '' ? ['kind not set'] : []),
    ];
    const detail = missing.length === 1 ? (missing[0] as string) : `[${missing.join(', ')}]`;
    readErrors.push(new StreamStop(validationMessage(source, detail), source));
    return 'stop';
  }
  if (kind === '') {
    readErrors.push(
      new CommandError(
        `unable to decode "${source}": Object 'Kind' is missing in '${toCompactJson(object)}'`,
      ),
    );
    return undefined;
  }
  if (kind.endsWith('List') && Array.isArray(object['items'])) {
    for (const item of object['items']) {
      if (readDocument(item, source, options, infos, readErrors) === 'stop') return 'stop';
    }
    return undefined;
  }
  const metadata = (
    typeof object['metadata'] === 'object' && object['metadata'] !== null ? object['metadata'] : {}
  ) as Record<string, JsonValue>;
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const objectNamespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
  const type = resourceTypeForKind(kind, apiVersion);
  if (!type) {
    readErrors.push(
      new CommandError(
        `resource mapping not found for name: "${name}" namespace: "${objectNamespace}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      ),
    );
    return undefined;
  }
  let namespace: string | undefined;
  if (type.namespaced) {
    if (options.enforceNamespace && objectNamespace !== '' && objectNamespace !== options.namespace) {
      throw new CommandError(
        `the namespace from the provided object "${objectNamespace}" does not match the namespace "${options.namespace}". You must pass '--namespace=${objectNamespace}' to perform this operation.`,
      );
    }
    namespace = objectNamespace || options.namespace;
  }
  const copy = structuredClone(object) as unknown as KubeObject;
  copy.metadata = { ...(metadata as unknown as KubeObject['metadata']) };
  if (namespace !== undefined) copy.metadata.namespace = namespace;
  infos.push({ source, type, namespace, name, object: copy });
  return undefined;
}

function validationMessage(source: string, detail: string): string {
  return `error validating "${source}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`;
}
