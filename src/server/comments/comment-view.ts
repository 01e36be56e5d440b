// A comment as the API shows it to one viewer. A deleted or hidden comment that still has replies
// stays as a placeholder without its text or author, so that the thread reads.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { EDIT_WINDOW_MS } from './comment-rules.ts';

export interface CommentView {
  id: string;
  parentId: string | null;
  state: 'visible' | 'deleted' | 'hidden';
  /** The author's display name; null in a placeholder. */
  author: string | null;
  /** Sanitized HTML of the Markdown; empty in a placeholder. */
  html: string;
  createdAt: string;
  editedAt: string | null;
  /** Written by the learner viewing it. */
  mine: boolean;
  /** Until when the viewer may still edit or delete it, or null if they may not. */
  editableUntil: string | null;
  /** The Markdown source, only while the viewer may edit it (to fill the edit form). */
  markdown?: string;
  replies: CommentView[];
}

export interface CommentRow {
  id: string;
  lesson_slug: string;
  parent_id: string | null;
  author_id: string;
  author_name: string | null;
  body_markdown: string;
  body_html: string;
  created_at: Date;
  edited_at: Date | null;
  hidden_at: Date | null;
  deleted_at: Date | null;
}

export function selectCommentRows(db: Kysely<Database>) {
  return db
    .selectFrom('comments as c')
    .innerJoin('learners', 'learners.id', 'c.author_id')
    .select([
      'c.id',
      'c.lesson_slug',
      'c.parent_id',
      'c.author_id',
      'learners.display_name as author_name',
      'c.body_markdown',
      'c.body_html',
      'c.created_at',
      'c.edited_at',
      'c.hidden_at',
      'c.deleted_at',
    ]);
}

export function editableUntil(row: Pick<CommentRow, 'created_at'>): Date {
  return new Date(row.created_at.getTime() + EDIT_WINDOW_MS);
}

export function toCommentView(
  row: CommentRow,
  viewerId: string | undefined,
  now: Date,
  replies: CommentView[] = [],
): CommentView {
  const state = row.deleted_at ? 'deleted' : row.hidden_at ? 'hidden' : 'visible';
  const mine = viewerId !== undefined && row.author_id === viewerId;
  const until = editableUntil(row);
  const editable = mine && state === 'visible' && now < until;
  return {
    id: row.id,
    parentId: row.parent_id,
    state,
    author: state === 'visible' ? (row.author_name ?? 'Anonymous') : null,
    html: state === 'visible' ? row.body_html : '',
    createdAt: row.created_at.toISOString(),
    editedAt: state === 'visible' && row.edited_at ? row.edited_at.toISOString() : null,
    mine,
    editableUntil: editable ? until.toISOString() : null,
    ...(editable ? { markdown: row.body_markdown } : {}),
    replies,
  };
}
