/** What kubectl prints when the API server refuses a write: the tests' view of a StatusError. */
import { StatusError } from '../../../../src/sim/api/status-error.ts';
import { formatStatusError } from '../../../../src/sim/kubectl/errors.ts';

export function refusal(write: () => unknown): string {
  try {
    write();
  } catch (error) {
    if (error instanceof StatusError) return formatStatusError(error);
    throw error;
  }
  throw new Error('expected the API server to refuse');
}
