import type { APIRoute } from 'astro';
import { deleteProgress, getProgress } from '../../server/grading/grading-routes.ts';
import { handleRoute } from '../../server/http/route.ts';

export const prerender = false;

export const GET: APIRoute = (context) => handleRoute(getProgress, context);
export const DELETE: APIRoute = (context) => handleRoute(deleteProgress, context);
