/**
 * Writes through the simulated API server the way kubectl's requests reach a real one: the body is
 * decoded into the kind's Go types first (fieldValidation=Strict by default, so unknown fields and
 * type mismatches are a 400), then the registry strategy runs; the server's warnings are printed.
 */
import { StatusError } from '../../../api/status-error.ts';
import type { KubeObject } from '../../../api/types.ts';
import type { CommandContext } from '../../command.ts';
import type { ValidationDirective } from '../../manifests/builder.ts';
import { decodeErrorMessage, definitionForKind, strictDecode } from '../../manifests/strict-decoding.ts';
import { printWarnings } from './output.ts';

export interface ServerWriteOptions {
  dryRun: boolean;
  validate: ValidationDirective;
  fieldManager: string;
}

/** The object as the server's decoder leaves it; throws the server's BadRequest when it cannot. */
export function decodeForServer(
  context: CommandContext,
  object: KubeObject,
  validate: ValidationDirective,
): KubeObject {
  const definition = definitionForKind(object.apiVersion, object.kind);
  if (!definition) return object;
  const result = strictDecode(object as unknown as Record<string, unknown>, definition);
  if (result.typeError)
    throw StatusError.badRequest(decodeErrorMessage(object.apiVersion, object.kind, result) as string);
  if (result.unknownFields.length > 0) {
    if (validate === 'strict')
      throw StatusError.badRequest(decodeErrorMessage(object.apiVersion, object.kind, result) as string);
    if (validate === 'warn')
      printWarnings(
        context,
        result.unknownFields.map((field) => `unknown field "${field}"`),
      );
  }
  return result.known as unknown as KubeObject;
}

/**
 * A patch whose result does not decode: the API server's patch handler answers 422 with the patch
 * itself as the bad value, printed by Go's %+v (`map[spec:map[prots:1]]`).
 */
export function decodePatchedForServer(
  context: CommandContext,
  patched: KubeObject,
  patch: unknown,
  validate: ValidationDirective,
): KubeObject {
  const definition = definitionForKind(patched.apiVersion, patched.kind);
  if (!definition) return patched;
  const result = strictDecode(patched as unknown as Record<string, unknown>, definition);
  const invalid = (detail: string) =>
    StatusError.invalid('', '', [
      { type: 'Invalid value', field: 'patch', badValue: goValue(patch), detail },
    ]);
  if (result.typeError) throw invalid(result.typeError);
  if (result.unknownFields.length > 0) {
    const strict = `strict decoding error: ${result.unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`;
    if (validate === 'strict') throw invalid(strict);
    if (validate === 'warn')
      printWarnings(
        context,
        result.unknownFields.map((field) => `unknown field "${field}"`),
      );
  }
  return result.known as unknown as KubeObject;
}

/** Go's fmt %+v of a decoded JSON value. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((key) => `${key}:${goValue(record[key])}`).join(' ')}]`;
  }
  return String(value);
}

export function serverCreate(
  context: CommandContext,
  resource: string,
  object: KubeObject,
  options: ServerWriteOptions,
): KubeObject {
  const decoded = decodeForServer(context, object, options.validate);
  const result = context.runtime.api.create(resource, decoded, {
    dryRun: options.dryRun,
    fieldManager: options.fieldManager,
  });
  printWarnings(context, result.warnings);
  return result.object;
}

export function serverUpdate(
  context: CommandContext,
  resource: string,
  object: KubeObject,
  options: ServerWriteOptions,
): KubeObject {
  const decoded = decodeForServer(context, object, options.validate);
  const result = context.runtime.api.update(resource, decoded, {
    dryRun: options.dryRun,
    fieldManager: options.fieldManager,
  });
  printWarnings(context, result.warnings);
  return result.object;
}
