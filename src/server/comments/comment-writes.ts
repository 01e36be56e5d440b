// What a learner does to comments: post, reply, edit and delete their own within the edit window,
// report. Ownership is checked against the learner behind the cookie, never against request data.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { App } from '../app.ts';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { setDisplayName, type Learner } from '../learners/learners.ts';
import { commentNotFound, DUPLICATE_WINDOW_MS } from './comment-rules.ts';
import {
  editableUntil,
  selectCommentRows,
  toCommentView,
  type CommentRow,
  type CommentView,
} from './comment-view.ts';
import { renderCommentMarkdown } from './markdown.ts';
import { forgetCachedPages } from './comment-page-cache.ts';

export interface NewComment {
  slug: string;
  body: string;
  parentId: string | undefined;
  displayName: string | undefined;
}

export async function postComment(app: App, learner: Learner, comment: NewComment): Promise<CommentView> {
  if (!learner.displayName && !comment.displayName) {
    throw new ApiError(400, 'display_name_required', 'Choose a display name for your first comment.');
  }
  const parentId = comment.parentId && (await findThreadRoot(app, comment.slug, comment.parentId));
  const now = app.now();
  const duplicate = await app.db
    .selectFrom('comments')
    .select('id')
    .where('author_id', '=', learner.id)
    .where('lesson_slug', '=', comment.slug)
    .where('parent_id', 'is not distinct from', parentId || null)
    .where('body_markdown', '=', comment.body)
    .where('deleted_at', 'is', null)
    .where('created_at', '>', new Date(now.getTime() - DUPLICATE_WINDOW_MS))
    .executeTakeFirst();
  if (duplicate) {
    throw new ApiError(409, 'duplicate_comment', 'You already posted this comment here a moment ago.');
  }
  const html = await renderCommentMarkdown(comment.body);
  const row: CommentRow = {
    id: randomUUID(),
    lesson_slug: comment.slug,
    parent_id: parentId || null,
    author_id: learner.id,
    author_name: comment.displayName ?? learner.displayName,
    body_markdown: comment.body,
    body_html: html,
    created_at: now,
    edited_at: null,
    hidden_at: null,
    deleted_at: null,
  };
  const { author_name: _authorName, ...values } = row;
  const insert = (db: Kysely<Database>) => db.insertInto('comments').values(values).execute();
  if (comment.displayName && comment.displayName !== learner.displayName) {
    await app.db.transaction().execute(async (trx) => {
      await setDisplayName(trx, learner.id, comment.displayName!);
      await insert(trx);
    });
  } else {
    await insert(app.db); // one statement: no transaction to pay for on the common path
  }
  forgetCachedPages(app.db);
  return toCommentView(row, learner.id, now);
}

/** Replies attach to a top-level comment: a reply to a reply joins its parent's thread. */
async function findThreadRoot(app: App, slug: string, parentId: string): Promise<string> {
  const parent = await app.db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'lesson_slug', 'deleted_at', 'hidden_at'])
    .where('id', '=', parentId)
    .executeTakeFirst();
  if (!parent || parent.lesson_slug !== slug || parent.hidden_at) {
    throw new ApiError(404, 'parent_not_found', 'The comment you are replying to does not exist (any more).');
  }
  if (parent.parent_id) return findThreadRoot(app, slug, parent.parent_id);
  if (parent.deleted_at) {
    throw new ApiError(409, 'parent_deleted', 'The comment you are replying to was deleted.');
  }
  return parent.id;
}

export async function editComment(
  app: App,
  learner: Learner,
  id: string,
  body: string,
): Promise<CommentView> {
  const row = await loadOwnEditableComment(app, learner, id);
  const now = app.now();
  const html = await renderCommentMarkdown(body);
  if (body !== row.body_markdown) {
    await app.db
      .updateTable('comments')
      .set({ body_markdown: body, body_html: html, edited_at: now })
      .where('id', '=', id)
      .execute();
    forgetCachedPages(app.db);
  }
  return toCommentView(await loadComment(app, id), learner.id, now);
}

export async function deleteOwnComment(app: App, learner: Learner, id: string): Promise<void> {
  await loadOwnEditableComment(app, learner, id);
  await markDeleted(app, id);
}

/** Soft delete: the row stays as a placeholder for its replies, without its text. */
export async function markDeleted(app: App, id: string): Promise<void> {
  await app.db
    .updateTable('comments')
    .set({ deleted_at: app.now(), body_markdown: '', body_html: '' })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  forgetCachedPages(app.db);
}

export async function reportComment(app: App, learner: Learner, id: string, reason: string): Promise<void> {
  const row = await app.db
    .selectFrom('comments')
    .select(['id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw commentNotFound();
  await app.db
    .insertInto('comment_reports')
    .values({ comment_id: id, reporter_id: learner.id, reason, created_at: app.now() })
    .onConflict((oc) =>
      oc.columns(['comment_id', 'reporter_id']).doUpdateSet({ reason, created_at: app.now() }),
    )
    .execute();
}

export async function loadComment(app: App, id: string): Promise<CommentRow> {
  const row = await selectCommentRows(app.db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw commentNotFound();
  return row;
}

async function loadOwnEditableComment(app: App, learner: Learner, id: string): Promise<CommentRow> {
  const row = await loadComment(app, id);
  if (row.deleted_at || row.hidden_at) throw commentNotFound();
  if (row.author_id !== learner.id) {
    throw new ApiError(403, 'not_your_comment', 'You can only change your own comments.');
  }
  if (app.now() >= editableUntil(row)) {
    throw new ApiError(
      403,
      'edit_window_closed',
      'Comments can be edited or deleted for 15 minutes after posting.',
    );
  }
  return row;
}
