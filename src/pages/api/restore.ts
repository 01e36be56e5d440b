import type { APIRoute } from 'astro';
import { handleRoute } from '../../server/http/route.ts';
import { postRestore } from '../../server/learners/restore-routes.ts';

export const prerender = false;

export const POST: APIRoute = (context) => handleRoute(postRestore, context);
