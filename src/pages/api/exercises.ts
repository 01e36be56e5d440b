import type { APIRoute } from 'astro';
import { getExercises } from '../../server/grading/grading-routes.ts';
import { handleRoute } from '../../server/http/route.ts';

export const prerender = false;

export const GET: APIRoute = (context) => handleRoute(getExercises, context);
