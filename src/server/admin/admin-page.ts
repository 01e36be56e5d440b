// The /admin page's logic: sign-in with ADMIN_TOKEN (form -> HttpOnly cookie), then lists of recent
// and reported comments with hide, unhide and delete. Every action is a form post answered with a
// redirect, so the page works without JavaScript; Astro's checkOrigin guards the posts.
import type { App } from '../app.ts';
import { markDeleted } from '../comments/comment-writes.ts';
import { checkCommentId } from '../comments/comment-rules.ts';
import {
  listForModeration,
  setCommentHidden,
  type ModeratedComment,
  type ModerationView,
} from '../comments/moderation.ts';
import { ApiError } from '../http/api-error.ts';
import { asSentByBrowser } from '../http/forwarded.ts';
import {
  adminSessionCookie,
  clearedAdminSessionCookie,
  hasAdminSession,
  isAdminToken,
} from './admin-auth.ts';

export type AdminPageState =
  | { kind: 'disabled' }
  | { kind: 'sign-in'; error?: string }
  | { kind: 'moderate'; view: ModerationView; comments: ModeratedComment[]; notice?: string };

const NOTICES: Record<string, string> = {
  hide: 'The comment is hidden.',
  unhide: 'The comment is visible again.',
  delete: 'The comment is deleted.',
};

export async function adminPage(
  app: App,
  sentRequest: Request,
  clientAddress: string,
): Promise<AdminPageState | Response> {
  if (!app.adminToken) return { kind: 'disabled' };
  const request = asSentByBrowser(sentRequest, app.trustProxy);
  const url = new URL(request.url);
  const view: ModerationView = url.searchParams.get('view') === 'recent' ? 'recent' : 'reported';

  if (request.method === 'POST') {
    const form = await request.formData();
    const action = String(form.get('action') ?? '');
    if (action === 'sign-in') {
      try {
        await app.rateLimits.consume([['adminLoginPerIp', clientAddress]]);
      } catch (error) {
        if (error instanceof ApiError) return { kind: 'sign-in', error: error.message };
        throw error;
      }
      if (!isAdminToken(app, String(form.get('token') ?? '')))
        return { kind: 'sign-in', error: 'That is not the moderator token.' };
      return redirect(`/admin?view=${view}`, adminSessionCookie(app, request));
    }
    if (action === 'sign-out') return redirect('/admin', clearedAdminSessionCookie(request));
    if (!hasAdminSession(app, request))
      return { kind: 'sign-in', error: 'Sign in again: the session has ended.' };
    const id = checkCommentId(String(form.get('id') ?? ''));
    if (action === 'hide' || action === 'unhide') await setCommentHidden(app, id, action === 'hide');
    else if (action === 'delete') await markDeleted(app, id);
    else return new Response('Unknown action', { status: 400 });
    return redirect(`/admin?view=${view}&done=${action}#comment-${id}`);
  }

  if (!hasAdminSession(app, request)) return { kind: 'sign-in' };
  const done = url.searchParams.get('done');
  return {
    kind: 'moderate',
    view,
    comments: await listForModeration(app, view),
    ...(done && NOTICES[done] ? { notice: NOTICES[done] } : {}),
  };
}

function redirect(location: string, setCookie?: string): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  if (setCookie) headers.append('Set-Cookie', setCookie);
  return new Response(null, { status: 303, headers });
}
