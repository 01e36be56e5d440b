// The shape of a server route, independent of Astro: the Astro endpoints in src/pages/api pass
// their context through `handleRoute`, and tests call the same handlers on their own App.
import type { App } from '../app.ts';
import { getServerApp } from '../server-app.ts';
import { ApiError } from './api-error.ts';
import { asSentByBrowser } from './forwarded.ts';
import { errorResponse } from './json.ts';

export interface RouteContext {
  request: Request;
  params: Record<string, string | undefined>;
  clientAddress: string;
}

export type RouteHandler = (app: App, context: RouteContext) => Promise<Response>;

export async function handleRoute(
  handler: RouteHandler,
  context: RouteContext,
  app?: App,
): Promise<Response> {
  try {
    const routeApp = app ?? (await getServerApp());
    const request = asSentByBrowser(context.request, routeApp.trustProxy);
    return await handler(routeApp, { ...context, request });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    console.error(`${context.request.method} ${new URL(context.request.url).pathname} failed:`, error);
    return errorResponse(
      new ApiError(500, 'internal_error', 'Something went wrong on the server. Try again.'),
    );
  }
}

/**
 * Refuses a state-changing request sent by another site's page. Astro's checkOrigin covers form
 * posts; this covers every method and content type, and the handlers when run outside Astro.
 */
export function checkSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(request.url).origin) {
    throw new ApiError(403, 'cross_origin', 'Cross-site requests are not allowed.');
  }
}

/** Adds a Set-Cookie header to the response, or to the error response if the handler throws. */
export async function withSetCookie(
  setCookie: string | undefined,
  run: () => Promise<Response>,
): Promise<Response> {
  if (!setCookie) return run();
  try {
    const response = await run();
    response.headers.append('Set-Cookie', setCookie);
    return response;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(error.status, error.code, error.message, {
      ...error.headers,
      'Set-Cookie': setCookie,
    });
  }
}
