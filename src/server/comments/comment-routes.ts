// HTTP handlers of the comments API (see src/server/README.md for the contract).
import { gzipSync } from 'node:zlib';
import type { App } from '../app.ts';
import { bearerToken, requireAdminBearer } from '../admin/admin-auth.ts';
import { ApiError } from '../http/api-error.ts';
import { jsonResponse, readJsonObject } from '../http/json.ts';
import { checkSameOrigin, withSetCookie, type RouteContext } from '../http/route.ts';
import { findLearner, findOrCreateLearner, type Learner } from '../learners/learners.ts';
import {
  checkBody,
  checkCommentId,
  checkDisplayName,
  checkHoneypot,
  checkLessonSlug,
  checkReportReason,
  commentNotFound,
  MAX_REQUEST_BYTES,
} from './comment-rules.ts';
import { cached } from './comment-page-cache.ts';
import { deleteOwnComment, editComment, markDeleted, postComment, reportComment } from './comment-writes.ts';
import {
  countVisibleComments,
  DEFAULT_PAGE_SIZE,
  listLessonComments,
  MAX_PAGE_SIZE,
} from './lesson-comments.ts';
import { listForModeration, setCommentHidden } from './moderation.ts';

/** GET /api/lessons/:slug/comments?order=newest|oldest&cursor=…&limit=… */
export async function getLessonComments(app: App, { request, params }: RouteContext): Promise<Response> {
  const slug = checkLessonSlug(params.slug);
  const search = new URL(request.url).searchParams;
  const order = search.get('order') ?? 'newest';
  if (order !== 'newest' && order !== 'oldest') {
    throw new ApiError(400, 'invalid_order', '`order` must be `newest` or `oldest`.');
  }
  const limit = Number(search.get('limit') ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError(400, 'invalid_limit', `\`limit\` must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const cursor = search.get('cursor') ?? undefined;
  const viewer = await findLearner(app.db, request);
  const read = async () =>
    JSON.stringify({
      ...(await listLessonComments(app, { slug, order, cursor, limit, viewerId: viewer?.id })),
      viewer: { displayName: viewer?.displayName ?? null },
    });
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding, Cookie',
  };
  if (viewer || cursor) return new Response(await read(), { headers });
  // Every reader without a learner sees the same first page: serialize and compress it once.
  const shared = await cached(app.db, `json|${slug}|${order}|${limit}`, async () => {
    const json = await read();
    return { json, gzip: gzipSync(json) };
  });
  if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
    return new Response(shared.json, { headers });
  return new Response(shared.gzip, { headers: { ...headers, 'Content-Encoding': 'gzip' } });
}

/** POST /api/lessons/:slug/comments { body, parentId?, displayName?, website? (honeypot) } */
export async function postLessonComment(
  app: App,
  { request, params, clientAddress }: RouteContext,
): Promise<Response> {
  checkSameOrigin(request);
  const slug = checkLessonSlug(params.slug);
  const input = await readJsonObject(request, MAX_REQUEST_BYTES);
  checkHoneypot(input.website);
  const body = checkBody(input.body);
  const displayName =
    input.displayName === undefined || input.displayName === null
      ? undefined
      : checkDisplayName(input.displayName);
  const parentId =
    input.parentId === undefined || input.parentId === null ? undefined : checkParentId(input.parentId);

  await app.rateLimits.consume([['commentPerIp', clientAddress]]);
  const known = await findLearner(app.db, request);
  if (!known?.displayName && !displayName) {
    throw new ApiError(400, 'display_name_required', 'Choose a display name for your first comment.');
  }
  const { learner, setCookie } = await writingLearner(app, request, clientAddress);
  return withSetCookie(setCookie, async () => {
    await app.rateLimits.consume([
      ['commentPerLearner', learner.id],
      ['commentPerLearnerHourly', learner.id],
    ]);
    const comment = await postComment(app, learner, { slug, body, parentId, displayName });
    return jsonResponse({ comment }, 201);
  });
}

/** PATCH /api/comments/:id — the author edits `{ body }`; a moderator (bearer) sets `{ hidden }`. */
export async function patchComment(
  app: App,
  { request, params, clientAddress }: RouteContext,
): Promise<Response> {
  checkSameOrigin(request);
  const id = checkCommentId(params.id);
  const input = await readJsonObject(request, MAX_REQUEST_BYTES);
  if (bearerToken(request) !== undefined) {
    await requireAdminBearer(app, request, clientAddress);
    if (typeof input.hidden !== 'boolean') {
      throw new ApiError(
        400,
        'invalid_hidden',
        'A moderator sends `{ "hidden": true }` or `{ "hidden": false }`.',
      );
    }
    await setCommentHidden(app, id, input.hidden);
    return jsonResponse({ id, hidden: input.hidden });
  }
  const body = checkBody(input.body);
  const learner = await existingLearner(app, request);
  await app.rateLimits.consume([['changePerLearner', learner.id]]);
  return jsonResponse({ comment: await editComment(app, learner, id, body) });
}

/** DELETE /api/comments/:id — the author within the edit window, or a moderator (bearer). */
export async function deleteComment(
  app: App,
  { request, params, clientAddress }: RouteContext,
): Promise<Response> {
  checkSameOrigin(request);
  const id = checkCommentId(params.id);
  if (bearerToken(request) !== undefined) {
    await requireAdminBearer(app, request, clientAddress);
    const exists = await app.db.selectFrom('comments').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw commentNotFound();
    await markDeleted(app, id);
    return new Response(null, { status: 204 });
  }
  const learner = await existingLearner(app, request);
  await app.rateLimits.consume([['changePerLearner', learner.id]]);
  await deleteOwnComment(app, learner, id);
  return new Response(null, { status: 204 });
}

/** POST /api/comments/:id/report { reason? } */
export async function postCommentReport(
  app: App,
  { request, params, clientAddress }: RouteContext,
): Promise<Response> {
  checkSameOrigin(request);
  const id = checkCommentId(params.id);
  const input = await readJsonObject(request, MAX_REQUEST_BYTES);
  const reason = checkReportReason(input.reason);
  const { learner, setCookie } = await writingLearner(app, request, clientAddress);
  return withSetCookie(setCookie, async () => {
    await app.rateLimits.consume([['reportPerLearner', learner.id]]);
    await reportComment(app, learner, id, reason);
    return jsonResponse({ reported: true }, 202);
  });
}

/** GET /api/comments/counts?slugs=a,b — visible comments per lesson (all lessons without `slugs`). */
export async function getCommentCounts(app: App, { request }: RouteContext): Promise<Response> {
  const slugsParam = new URL(request.url).searchParams.get('slugs');
  const slugs = slugsParam === null ? undefined : slugsParam.split(',').filter(Boolean).slice(0, 500);
  slugs?.forEach((slug) => checkLessonSlug(slug));
  const counts = await cached(app.db, `counts|${slugs?.join(',') ?? '*'}`, () =>
    countVisibleComments(app.db, slugs),
  );
  return jsonResponse({ counts }, 200, { 'Cache-Control': 'public, max-age=30' });
}

/** GET /api/admin/comments?view=recent|reported — moderator (bearer) only. */
export async function getModerationList(
  app: App,
  { request, clientAddress }: RouteContext,
): Promise<Response> {
  await requireAdminBearer(app, request, clientAddress);
  const view = new URL(request.url).searchParams.get('view') ?? 'recent';
  if (view !== 'recent' && view !== 'reported') {
    throw new ApiError(400, 'invalid_view', '`view` must be `recent` or `reported`.');
  }
  return jsonResponse({ view, comments: await listForModeration(app, view) });
}

function checkParentId(value: unknown): string {
  if (typeof value !== 'string')
    throw new ApiError(400, 'invalid_parent', '`parentId` must be a comment id.');
  try {
    return checkCommentId(value);
  } catch {
    throw new ApiError(404, 'parent_not_found', 'The comment you are replying to does not exist (any more).');
  }
}

async function writingLearner(app: App, request: Request, clientAddress: string) {
  const existing = await findLearner(app.db, request);
  if (existing) return { learner: existing, setCookie: undefined };
  await app.rateLimits.consume([['newLearnerPerIp', clientAddress]]);
  return findOrCreateLearner(app.db, request, app.now());
}

/** Editing and deleting need the author's cookie; without one, nothing can be theirs. */
async function existingLearner(app: App, request: Request): Promise<Learner> {
  const learner = await findLearner(app.db, request);
  if (!learner) throw new ApiError(403, 'not_your_comment', 'You can only change your own comments.');
  return learner;
}
