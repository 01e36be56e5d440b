// What a moderator sees and does: recent and reported comments across lessons; hide, unhide, delete.
import type { App } from '../app.ts';
import { forgetCachedPages } from './comment-page-cache.ts';
import { commentNotFound } from './comment-rules.ts';
import { selectCommentRows } from './comment-view.ts';

export type ModerationView = 'recent' | 'reported';

export interface ModeratedComment {
  id: string;
  lessonSlug: string;
  parentId: string | null;
  author: string | null;
  markdown: string;
  html: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  deleted: boolean;
  reports: Array<{ reason: string; createdAt: string }>;
}

export async function listForModeration(
  app: App,
  view: ModerationView,
  limit = 100,
): Promise<ModeratedComment[]> {
  const rows = await selectCommentRows(app.db)
    .$if(view === 'reported', (qb) =>
      qb
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('comment_reports')
              .select(['comment_id', (e) => e.fn.max('created_at').as('last_report_at')])
              .groupBy('comment_id')
              .as('r'),
          (join) => join.onRef('r.comment_id', '=', 'c.id'),
        )
        .orderBy('r.last_report_at', 'desc'),
    )
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  const reports =
    rows.length === 0
      ? []
      : await app.db
          .selectFrom('comment_reports')
          .select(['comment_id', 'reason', 'created_at'])
          .where(
            'comment_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('created_at', 'desc')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    lessonSlug: row.lesson_slug,
    parentId: row.parent_id,
    author: row.author_name,
    markdown: row.body_markdown,
    html: row.body_html,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    hidden: row.hidden_at !== null,
    deleted: row.deleted_at !== null,
    reports: reports
      .filter((report) => report.comment_id === row.id)
      .map((report) => ({ reason: report.reason, createdAt: report.created_at.toISOString() })),
  }));
}

export async function setCommentHidden(app: App, id: string, hidden: boolean): Promise<void> {
  const result = await app.db
    .updateTable('comments')
    .set({ hidden_at: hidden ? app.now() : null })
    .where('id', '=', id)
    .executeTakeFirst();
  forgetCachedPages(app.db);
  if (result.numUpdatedRows === 0n) throw commentNotFound();
}
