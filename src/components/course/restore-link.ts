/**
 * A restore link carries the code in the fragment (`/progress/#restore=…`): the fragment never
 * reaches a server's logs or another site's Referer.
 */
export function restoreLink(origin: string, code: string): string {
  return `${origin}/progress/#restore=${encodeURIComponent(code)}`;
}

export function readRestoreFragment(hash: string): string | undefined {
  const match = /^#restore=([0-9A-Za-z-]{1,40})$/.exec(hash);
  return match?.[1];
}

/** The server's own message when it sent one, else a sentence a learner can act on. */
export function describeApiError(status: number, body: unknown): string {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  if (typeof error?.message === 'string') return error.message;
  return `The server answered ${status}. Try again in a moment.`;
}
