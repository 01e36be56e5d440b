/**
 * Comments written while the server could not be reached: kept in localStorage and posted when the
 * network is back (the `online` event, or the next time a lesson's comments load), as submissions
 * are (course/progress-store.ts).
 */
import { CommentsApiError } from './comments-api.ts';

const pendingKey = 'kube101:pending-comments';

export interface PendingComment {
  slug: string;
  body: string;
  parentId?: string;
  displayName?: string;
  website: string;
}

export type PostComment = (slug: string, input: Omit<PendingComment, 'slug'>) => Promise<unknown>;

export function keepPendingComment(comment: PendingComment, storage: Storage = localStorage): void {
  storage.setItem(pendingKey, JSON.stringify([...pendingComments(storage), comment]));
}

export function pendingComments(storage: Storage = localStorage): PendingComment[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(pendingKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingComment[]) : [];
  } catch {
    return [];
  }
}

/** Whether a failed post is worth trying again later (no network, the server down or busy). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof CommentsApiError && (error.status === 0 || error.status >= 500 || error.status === 429)
  );
}

/**
 * Posts the kept comments in the order they were written; stops at the first that still cannot be
 * sent. One the server refuses for good (too long, rate-limited name...) is dropped with its reason.
 */
export async function sendPendingComments(
  post: PostComment,
  storage: Storage = localStorage,
): Promise<{ posted: PendingComment[]; refused: { comment: PendingComment; reason: string }[] }> {
  const posted: PendingComment[] = [];
  const refused: { comment: PendingComment; reason: string }[] = [];
  for (const comment of pendingComments(storage)) {
    const { slug, ...input } = comment;
    try {
      await post(slug, input);
      posted.push(comment);
    } catch (error) {
      if (isTransient(error)) break;
      refused.push({ comment, reason: error instanceof Error ? error.message : String(error) });
    }
    storage.setItem(pendingKey, JSON.stringify(pendingComments(storage).slice(1)));
  }
  return { posted, refused };
}
