import { describe, expect, it } from 'vitest';
import { commentArticleHtml } from '../../../src/components/comments/comment-markup.ts';
import type { CommentView } from '../../../src/components/comments/comments-api.ts';

const comment: CommentView = {
  id: '42',
  parentId: null,
  state: 'visible',
  author: 'Ada',
  html: '<p>Why <strong>30033</strong>?</p>',
  createdAt: '2026-01-02T03:04:05.000Z',
  editedAt: null,
  mine: false,
  editableUntil: null,
  replies: [],
};
const formatTime = (iso: string) => `at ${iso.slice(0, 10)}`;

describe('the markup of one comment', () => {
  it('shows the author, the time and the sanitized text', () => {
    expect(commentArticleHtml(comment, formatTime)).toBe(
      '<article class="kc-comment" aria-labelledby="comment-42-author" tabindex="-1">' +
        '<header class="kc-meta"><span class="kc-author" id="comment-42-author">Ada</span>' +
        '<time datetime="2026-01-02T03:04:05.000Z">at 2026-01-02</time></header>' +
        '<div class="kc-body"><p>Why <strong>30033</strong>?</p></div></article>',
    );
  });

  it("marks the reader's own comment and an edited one", () => {
    const html = commentArticleHtml(
      { ...comment, mine: true, editedAt: '2026-01-03T00:00:00.000Z' },
      formatTime,
    );
    expect(html).toContain('<span class="kc-badge">you</span>');
    expect(html).toContain('<span class="kc-edited" title="at 2026-01-03">(edited)</span>');
  });

  it('escapes a display name, which is plain text the learner chose', () => {
    const html = commentArticleHtml({ ...comment, author: '<img src=x onerror="alert(1)">' }, formatTime);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).not.toContain('<img');
  });

  it('leaves only a placeholder of a deleted or hidden comment', () => {
    const removed = { ...comment, author: null, html: '' };
    expect(commentArticleHtml({ ...removed, state: 'deleted' }, formatTime)).toBe(
      '<article class="kc-comment kc-placeholder" tabindex="-1"><p>This comment was deleted.</p></article>',
    );
    expect(commentArticleHtml({ ...removed, state: 'hidden' }, formatTime)).toContain(
      'This comment was hidden by a moderator.',
    );
  });
});
