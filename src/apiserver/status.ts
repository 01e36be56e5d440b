/** The API server's Status answers that do not come from the simulator's registry. */
import { StatusError } from '../sim/api/status-error.ts';

export function pageNotFound(): StatusError {
  return new StatusError({
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  });
}

export function methodNotSupported(resource: string, group: string, verb: string): StatusError {
  return new StatusError({
    message: `${verb} is not supported on resources of kind "${group ? `${resource}.${group}` : resource}"`,
    reason: 'MethodNotAllowed',
    details: { group, kind: resource },
    code: 405,
  });
}

/** apiserver's limit on a request body (3 MiB), and its answer above it. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

export function entityTooLarge(): StatusError {
  return new StatusError({
    message: `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`,
    reason: 'RequestEntityTooLarge',
    code: 413,
  });
}

export function unsupportedMediaType(accepted: readonly string[]): StatusError {
  return new StatusError({
    message: `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    reason: 'UnsupportedMediaType',
    code: 415,
  });
}

export function internalError(error: unknown): StatusError {
  const message = error instanceof Error ? error.message : String(error);
  return new StatusError({
    message: `Internal error occurred: ${message}`,
    reason: 'InternalError',
    details: { causes: [{ reason: '', message, field: '' }] },
    code: 500,
  });
}

/** A watch from a resourceVersion older than the server still remembers. */
export function expired(requested: string, oldest: number): StatusError {
  return new StatusError({
    message: `too old resource version: ${requested} (${oldest})`,
    reason: 'Expired',
    code: 410,
  });
}
