// Reading a lesson's comments: a page of top-level comments (newest or oldest first) with all their
// replies (oldest first), and counts of visible comments per lesson for the course outline.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { App } from '../app.ts';
import type { Database } from '../db/schema.ts';
import { decodeCursor, encodeCursor } from './comment-cursor.ts';
import { cached } from './comment-page-cache.ts';
import { selectCommentRows, toCommentView, type CommentRow, type CommentView } from './comment-view.ts';

export type CommentOrder = 'newest' | 'oldest';
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

export interface CommentPage {
  comments: CommentView[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** Visible comments in the lesson, replies included. */
  total: number;
  order: CommentOrder;
}

const isVisible = (eb: ExpressionBuilder<Database, 'comments'>) =>
  eb.and([eb('comments.deleted_at', 'is', null), eb('comments.hidden_at', 'is', null)]);

export async function listLessonComments(
  app: App,
  query: {
    slug: string;
    order: CommentOrder;
    cursor?: string | undefined;
    limit: number;
    viewerId?: string | undefined;
  },
): Promise<CommentPage> {
  const rows = query.cursor
    ? await readPageRows(app.db, query)
    : await cached(app.db, `rows|${query.slug}|${query.order}|${query.limit}`, () =>
        readPageRows(app.db, query),
      );
  const now = app.now();
  const comments = rows.topLevel.map((row) =>
    toCommentView(
      row,
      query.viewerId,
      now,
      rows.replies
        .filter((reply) => reply.parent_id === row.id)
        .map((reply) => toCommentView(reply, query.viewerId, now)),
    ),
  );
  const last = rows.topLevel.at(-1);
  return {
    comments,
    nextCursor: rows.hasMore && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    total: rows.total,
    order: query.order,
  };
}

interface PageRows {
  topLevel: CommentRow[];
  replies: CommentRow[];
  hasMore: boolean;
  total: number;
}

async function readPageRows(
  db: Kysely<Database>,
  query: { slug: string; order: CommentOrder; cursor?: string | undefined; limit: number },
): Promise<PageRows> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const direction = query.order === 'newest' ? 'desc' : 'asc';
  const candidates = await selectCommentRows(db)
    .where('c.lesson_slug', '=', query.slug)
    .where('c.parent_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('c.deleted_at', 'is', null), eb('c.hidden_at', 'is', null)]),
        eb.exists(
          eb
            .selectFrom('comments')
            .select(sql.lit(1).as('one'))
            .whereRef('comments.parent_id', '=', 'c.id')
            .where(isVisible),
        ),
      ]),
    )
    .$if(after !== undefined, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('c.created_at', 'c.id'),
          query.order === 'newest' ? '<' : '>',
          eb.tuple(after!.createdAt, after!.id),
        ),
      ),
    )
    .orderBy('c.created_at', direction)
    .orderBy('c.id', direction)
    .limit(query.limit + 1)
    .execute();
  const topLevel = candidates.slice(0, query.limit);
  const replies =
    topLevel.length === 0
      ? []
      : await selectCommentRows(db)
          .where(
            'c.parent_id',
            'in',
            topLevel.map((row) => row.id),
          )
          .where('c.deleted_at', 'is', null)
          .where('c.hidden_at', 'is', null)
          .orderBy('c.created_at', 'asc')
          .orderBy('c.id', 'asc')
          .execute();
  const total = (await countVisibleComments(db, [query.slug]))[query.slug] ?? 0;
  return { topLevel, replies, hasMore: candidates.length > query.limit, total };
}

/** Visible comments (replies included) per lesson; lessons without any are absent. */
export async function countVisibleComments(
  db: Kysely<Database>,
  slugs?: string[],
): Promise<Record<string, number>> {
  if (slugs && slugs.length === 0) return {};
  const rows = await db
    .selectFrom('comments')
    .select(['lesson_slug', (eb) => eb.fn.countAll<string>().as('count')])
    .where(isVisible)
    .$if(slugs !== undefined, (qb) => qb.where('lesson_slug', 'in', slugs!))
    .groupBy('lesson_slug')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.lesson_slug, Number(row.count)]));
}
