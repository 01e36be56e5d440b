// Moderator authentication with ADMIN_TOKEN: a bearer token for the API, and for the /admin page a
// session cookie that holds an HMAC of the token (never the token), so changing ADMIN_TOKEN ends
// every session.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { App } from '../app.ts';
import { ApiError } from '../http/api-error.ts';
import { isHttps, readCookie, serializeCookie } from '../http/cookies.ts';

export const ADMIN_COOKIE = 'kube101_admin';
const ADMIN_SESSION_SECONDS = 12 * 60 * 60;

export function isAdminToken(app: App, candidate: string): boolean {
  if (!app.adminToken) return false;
  return sameSecret(candidate, app.adminToken);
}

/** The request's bearer token, if any: absent means "not a moderator request". */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/** Checks a moderator's bearer token; a wrong token counts against the IP's login limit. */
export async function requireAdminBearer(app: App, request: Request, clientAddress: string): Promise<void> {
  if (!app.adminToken) {
    throw new ApiError(403, 'moderation_disabled', 'Moderation is off: the server has no ADMIN_TOKEN.');
  }
  const token = bearerToken(request);
  if (token && isAdminToken(app, token)) return;
  await app.rateLimits.consume([['adminLoginPerIp', clientAddress]]);
  throw new ApiError(
    401,
    'invalid_admin_token',
    'A valid moderator token is required (Authorization: Bearer …).',
    {
      'WWW-Authenticate': 'Bearer',
    },
  );
}

export function adminSessionCookie(app: App, request: Request): string {
  return serializeCookie(ADMIN_COOKIE, sessionValue(app.adminToken ?? ''), {
    maxAgeSeconds: ADMIN_SESSION_SECONDS,
    path: '/admin',
    sameSite: 'Strict',
    secure: isHttps(request),
  });
}

export function clearedAdminSessionCookie(request: Request): string {
  return serializeCookie(ADMIN_COOKIE, '', {
    maxAgeSeconds: 0,
    path: '/admin',
    sameSite: 'Strict',
    secure: isHttps(request),
  });
}

export function hasAdminSession(app: App, request: Request): boolean {
  const value = readCookie(request, ADMIN_COOKIE);
  return Boolean(app.adminToken && value && sameSecret(value, sessionValue(app.adminToken)));
}

function sessionValue(adminToken: string): string {
  return createHmac('sha256', adminToken).update('kube101 admin session').digest('hex');
}

// Comparing digests keeps the comparison constant-time whatever the lengths.
function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
