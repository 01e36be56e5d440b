// The server-rendered comments page reads the same page of comments as the API, from its URL's
// `order` and `cursor`; a bad parameter gets the API's 400 as the page's answer.
import { findLearner } from '../learners/learners.ts';
import { getServerApp } from '../server-app.ts';
import { ApiError } from '../http/api-error.ts';
import { DEFAULT_PAGE_SIZE, listLessonComments, type CommentPage } from './lesson-comments.ts';

export async function readLessonCommentsPage(
  slug: string,
  request: Request,
): Promise<CommentPage | Response> {
  const app = await getServerApp();
  const search = new URL(request.url).searchParams;
  const order = search.get('order') === 'oldest' ? 'oldest' : 'newest';
  try {
    const viewer = await findLearner(app.db, request);
    return await listLessonComments(app, {
      slug,
      order,
      cursor: search.get('cursor') ?? undefined,
      limit: DEFAULT_PAGE_SIZE,
      viewerId: viewer?.id,
    });
  } catch (error) {
    if (error instanceof ApiError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
