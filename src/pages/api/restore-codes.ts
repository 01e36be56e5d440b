import type { APIRoute } from 'astro';
import { handleRoute } from '../../server/http/route.ts';
import { deleteRestoreCode, postRestoreCode } from '../../server/learners/restore-routes.ts';

export const prerender = false;

export const POST: APIRoute = (context) => handleRoute(postRestoreCode, context);
export const DELETE: APIRoute = (context) => handleRoute(deleteRestoreCode, context);
