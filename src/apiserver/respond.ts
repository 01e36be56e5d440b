/** Writing answers as the API server does: JSON with its headers, `Warning: 299 - "..."`, Status errors. */
import type { ServerResponse } from 'node:http';
import { StatusError } from '../sim/api/status-error.ts';
import { internalError } from './status.ts';

export function sendJson(
  response: ServerResponse,
  code: number,
  body: unknown,
  warnings: readonly string[] = [],
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length > 0) headers['Warning'] = warnings.map(warningHeader);
  response.writeHead(code, headers);
  response.end(text);
}

/** RFC 7234 warn-code 299 with the text quoted, as k8s.io/apiserver/pkg/warning writes it. */
export function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}

/** A StatusError as its Status; anything else is a bug and answers 500, never a crash. */
export function sendError(response: ServerResponse, error: unknown, warnings: readonly string[] = []): void {
  const status = error instanceof StatusError ? error : internalError(error);
  if (response.headersSent) {
    response.end();
    return;
  }
  sendJson(response, status.code, status.status, warnings);
}
