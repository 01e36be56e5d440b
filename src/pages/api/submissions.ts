import type { APIRoute } from 'astro';
import { postSubmission } from '../../server/grading/grading-routes.ts';
import { handleRoute } from '../../server/http/route.ts';

export const prerender = false;

export const POST: APIRoute = (context) => handleRoute(postSubmission, context);
