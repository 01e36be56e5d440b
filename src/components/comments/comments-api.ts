// The browser's side of the comments API: fetch calls that return data or throw a CommentsApiError
// carrying the server's message (and Retry-After on 429).
import type { CommentView } from '../../server/comments/comment-view.ts';
import type { CommentOrder, CommentPage } from '../../server/comments/lesson-comments.ts';

export type { CommentOrder, CommentView };
export type CommentPageWithViewer = CommentPage & { viewer: { displayName: string | null } };

export class CommentsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new CommentsApiError(
      0,
      'offline',
      'Could not reach the server. Check your connection and try again.',
    );
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => undefined)) as
    (T & { error?: { code: string; message: string } }) | undefined;
  if (!response.ok || data === undefined) {
    const error = data?.error ?? { code: 'http_error', message: `The server answered ${response.status}.` };
    throw new CommentsApiError(response.status, error.code, error.message);
  }
  return data;
}

export function fetchComments(slug: string, order: CommentOrder, cursor?: string | null) {
  const query = new URLSearchParams({ order });
  if (cursor) query.set('cursor', cursor);
  return request<CommentPageWithViewer>('GET', `/api/lessons/${slug}/comments?${query}`);
}

export function postComment(
  slug: string,
  input: { body: string; parentId?: string; displayName?: string; website: string },
) {
  return request<{ comment: CommentView }>('POST', `/api/lessons/${slug}/comments`, input);
}

export function editComment(id: string, body: string) {
  return request<{ comment: CommentView }>('PATCH', `/api/comments/${id}`, { body });
}

export function deleteComment(id: string) {
  return request<void>('DELETE', `/api/comments/${id}`);
}

export function reportComment(id: string, reason: string) {
  return request<{ reported: true }>('POST', `/api/comments/${id}/report`, { reason });
}
