import { describe, expect, it } from 'vitest';
import { CommentsApiError } from '../../../src/components/comments/comments-api.ts';
import {
  keepPendingComment,
  pendingComments,
  sendPendingComments,
  type PendingComment,
} from '../../../src/components/comments/pending-comments.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

const first: PendingComment = { slug: 'nodeport', body: 'Why 30033?', displayName: 'Ada', website: '' };
const second: PendingComment = { slug: 'nodeport', body: 'Got it.', parentId: 'c1', website: '' };
const offline = new CommentsApiError(0, 'offline', 'Could not reach the server.');

describe('comments written offline', () => {
  it('are kept in the order written and posted in that order when the server answers', async () => {
    const storage = memoryStorage();
    keepPendingComment(first, storage);
    keepPendingComment(second, storage);
    const sent: unknown[] = [];
    const result = await sendPendingComments(
      async (slug, input) => void sent.push({ slug, ...input }),
      storage,
    );
    expect(sent).toEqual([first, second]);
    expect(result.posted).toEqual([first, second]);
    expect(pendingComments(storage)).toEqual([]);
  });

  it('stay kept while the network or the server is still away', async () => {
    const storage = memoryStorage();
    keepPendingComment(first, storage);
    keepPendingComment(second, storage);
    const down = new CommentsApiError(503, 'http_error', 'The server answered 503.');
    for (const error of [offline, down, new CommentsApiError(429, 'rate_limited', 'Slow down.')]) {
      const result = await sendPendingComments(() => Promise.reject(error), storage);
      expect(result).toEqual({ posted: [], refused: [] });
      expect(pendingComments(storage)).toEqual([first, second]);
    }
  });

  it('drop one the server refuses for good, with its reason, and go on with the next', async () => {
    const storage = memoryStorage();
    keepPendingComment(first, storage);
    keepPendingComment(second, storage);
    const tooLong = new CommentsApiError(400, 'invalid_body', 'A comment has at most 5000 characters.');
    const result = await sendPendingComments(
      (_slug, input) => (input.body === first.body ? Promise.reject(tooLong) : Promise.resolve()),
      storage,
    );
    expect(result).toEqual({ posted: [second], refused: [{ comment: first, reason: tooLong.message }] });
    expect(pendingComments(storage)).toEqual([]);
  });
});
