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
