import type { APIRoute } from 'astro';
import { getCommentCounts } from '../../../server/comments/comment-routes.ts';
import { handleRoute } from '../../../server/http/route.ts';

export const prerender = false;

export const GET: APIRoute = (context) => handleRoute(getCommentCounts, context);
