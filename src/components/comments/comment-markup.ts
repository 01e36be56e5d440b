/**
 * The markup of one comment, written once for both renderings: the server's (the no-JavaScript
 * comments page, `CommentList.astro`) and the interactive list's (`comments-app.ts`), which adds the
 * buttons. Text is escaped here; only the server's sanitized `html` goes in as HTML.
 */
import { escape } from 'html-escaper';
import type { CommentView } from './comments-api.ts';

/** The fragment a link to one comment points at: `#comment-<id>`. */
export function commentAnchor(id: string): string {
  return `comment-${id}`;
}

/** An `<article class="kc-comment">`: author, time and text, or the placeholder of a removed one. */
export function commentArticleHtml(comment: CommentView, formatTime: (iso: string) => string): string {
  if (comment.state !== 'visible') {
    const why =
      comment.state === 'deleted' ? 'This comment was deleted.' : 'This comment was hidden by a moderator.';
    return `<article class="kc-comment kc-placeholder" tabindex="-1"><p>${why}</p></article>`;
  }
  const authorId = `${commentAnchor(comment.id)}-author`;
  const meta = [
    `<span class="kc-author" id="${escape(authorId)}">${escape(comment.author ?? 'Anonymous')}</span>`,
    comment.mine ? '<span class="kc-badge">you</span>' : '',
    `<time datetime="${escape(comment.createdAt)}">${escape(formatTime(comment.createdAt))}</time>`,
    comment.editedAt
      ? `<span class="kc-edited" title="${escape(formatTime(comment.editedAt))}">(edited)</span>`
      : '',
  ].join('');
  return (
    `<article class="kc-comment" aria-labelledby="${escape(authorId)}" tabindex="-1">` +
    `<header class="kc-meta">${meta}</header>` +
    // Sanitized on the server (src/server/comments/markdown.ts).
    `<div class="kc-body">${comment.html}</div>` +
    '</article>'
  );
}
