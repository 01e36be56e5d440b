import type { APIRoute } from 'astro';
import { postCommentReport } from '../../../../server/comments/comment-routes.ts';
import { handleRoute } from '../../../../server/http/route.ts';

export const prerender = false;

export const POST: APIRoute = (context) => handleRoute(postCommentReport, context);
