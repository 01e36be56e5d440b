/**
 * apimachinery's error Aggregate and kubectl's CheckErr for it: commands that go on after a failure
 * (create -f, apply, delete) collect errors and print them together. One error prints as usual
 * (`error: ...`); several print one per line without the prefix; an aggregate inside an aggregate
 * prints as `[a, b]` on one line.
 */
import { StatusError } from '../../api/status-error.ts';
import { formatKubectlError, formatStatusError } from '../errors.ts';

export class ErrorAggregate extends Error {
  constructor(readonly errors: readonly unknown[]) {
    const messages = [...new Set(errors.map(rawMessage))];
    super(messages.length === 1 ? (messages[0] as string) : `[${messages.join(', ')}]`);
  }
}

/** utilerrors.NewAggregate: nothing for no errors. */
export function aggregate(errors: readonly unknown[]): ErrorAggregate | undefined {
  return errors.length === 0 ? undefined : new ErrorAggregate(errors);
}

function rawMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** cmdutil.CheckErr of NewAggregate(errors): the text for stderr and the exit code (0 when none). */
export function formatErrors(
  errors: readonly unknown[],
  commandPath: string,
): { text: string; exitCode: number } {
  if (errors.length === 0) return { text: '', exitCode: 0 };
  let error: unknown = errors.length === 1 ? errors[0] : new ErrorAggregate(errors);
  while (error instanceof ErrorAggregate && error.errors.length === 1) error = error.errors[0];
  if (error instanceof ErrorAggregate) {
    return { text: error.errors.map((e) => `${messageForError(e)}\n`).join(''), exitCode: 1 };
  }
  return formatKubectlError(error, commandPath);
}

function messageForError(error: unknown): string {
  if (error instanceof StatusError) return formatStatusError(error);
  return rawMessage(error);
}
