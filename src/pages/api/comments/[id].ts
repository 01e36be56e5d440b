import type { APIRoute } from 'astro';
import { deleteComment, patchComment } from '../../../server/comments/comment-routes.ts';
import { handleRoute } from '../../../server/http/route.ts';

export const prerender = false;

export const PATCH: APIRoute = (context) => handleRoute(patchComment, context);
export const DELETE: APIRoute = (context) => handleRoute(deleteComment, context);
