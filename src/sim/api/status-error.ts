/**
 * Errors the simulated API server returns, shaped as the `Status` object the real one sends, so
 * kubectl's layer can print them the way kubectl prints a server's answer.
 */
import { formatFieldError, type FieldError } from './field-errors.ts';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError'
  | 'Timeout'
  | 'Expired'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType';

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field: string }[];
  };
  code: number;
}

export class StatusError extends Error {
  readonly status: Status;

  constructor(status: Omit<Status, 'kind' | 'apiVersion' | 'metadata' | 'status'>) {
    super(status.message);
    this.status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...status };
  }

  get reason(): StatusReason {
    return this.status.reason;
  }

  get code(): number {
    return this.status.code;
  }

  /** The field errors of an Invalid error (empty for other reasons). */
  get fieldErrors(): FieldError[] {
    return this.invalidCauses;
  }

  private invalidCauses: FieldError[] = [];

  /** `pods "web" not found`; group-qualified for non-core resources (`deployments.apps "web" not found`). */
  static notFound(qualifiedResource: string, name: string): StatusError {
    return new StatusError({
      message: `${qualifiedResource} "${name}" not found`,
      reason: 'NotFound',
      details: { name, kind: qualifiedResource.split('.')[0] ?? qualifiedResource },
      code: 404,
    });
  }

  static alreadyExists(qualifiedResource: string, name: string): StatusError {
    return new StatusError({
      message: `${qualifiedResource} "${name}" already exists`,
      reason: 'AlreadyExists',
      details: { name, kind: qualifiedResource.split('.')[0] ?? qualifiedResource },
      code: 409,
    });
  }

  static conflict(qualifiedResource: string, name: string, detail: string): StatusError {
    return new StatusError({
      message: `Operation cannot be fulfilled on ${qualifiedResource} "${name}": ${detail}`,
      reason: 'Conflict',
      details: { name, kind: qualifiedResource },
      code: 409,
    });
  }

  static badRequest(message: string): StatusError {
    return new StatusError({ message, reason: 'BadRequest', code: 400 });
  }

  /** `Service "web" is invalid: [a, b]`, carrying the causes kubectl lists one per line. */
  static invalid(kind: string, name: string, errors: FieldError[], group = ''): StatusError {
    const lines = errors.map(formatFieldError);
    const aggregate = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`;
    const error = new StatusError({
      message: `${kind} "${name}" is invalid: ${aggregate}`,
      reason: 'Invalid',
      details: {
        name,
        group,
        kind,
        causes: errors.map((e) => ({
          reason: `Field${e.type.replace(/ /g, '')}`,
          message: formatFieldError(e).slice(e.field.length + 2),
          field: e.field,
        })),
      },
      code: 422,
    });
    error.invalidCauses = errors;
    return error;
  }
}
