import type { APIRoute } from 'astro';
import { getLessonComments, postLessonComment } from '../../../../server/comments/comment-routes.ts';
import { handleRoute } from '../../../../server/http/route.ts';
import { unknownLessonResponse } from '../_known-lesson.ts';

export const prerender = false;

export const GET: APIRoute = async (context) =>
  (await unknownLessonResponse(context.params.slug)) ?? handleRoute(getLessonComments, context);

export const POST: APIRoute = async (context) =>
  (await unknownLessonResponse(context.params.slug)) ?? handleRoute(postLessonComment, context);
