/**
 * How kubectl turns an error into the text a learner reads (cmd/util/helpers.go: CheckErr,
 * StandardErrorMessage, MultilineError). Every command funnels its failures through here.
 */
import { StatusError } from '../api/status-error.ts';
import { CommandError, UsageError } from './command.ts';

export function formatKubectlError(error: unknown, commandPath: string): { text: string; exitCode: number } {
  if (error instanceof StatusError) return { text: ensureNewline(formatStatusError(error)), exitCode: 1 };
  if (error instanceof UsageError) {
    return {
      text: `error: ${error.message}\nSee 'kubectl ${commandPath} -h' for help and examples\n`,
      exitCode: 1,
    };
  }
  if (error instanceof CommandError)
    return { text: ensureNewline(prefixed(error.message)), exitCode: error.exitCode };
  const message = error instanceof Error ? error.message : String(error);
  return { text: ensureNewline(prefixed(message)), exitCode: 1 };
}

export function formatStatusError(error: StatusError): string {
  const status = error.status;
  if (status.reason === 'Invalid') {
    const details = status.details;
    if (!details) return `The request is invalid${status.message ? `: ${status.message}` : ''}`;
    const subject =
      details.kind || details.name
        ? `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`
        : 'The request is invalid';
    const causes = (details.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    if (causes.length === 0) return subject;
    if (causes.length === 1) return `${subject}: ${causes[0]}`;
    return `${subject}: \n${causes.map((c) => `* ${c}`).join('\n')}\n`;
  }
  return `Error from server (${status.reason}): ${status.message}`;
}

function prefixed(message: string): string {
  return message.startsWith('error: ') || message.startsWith('Error from server')
    ? message
    : `error: ${message}`;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
