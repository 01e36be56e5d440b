import { expect, it } from 'vitest';
import { adminPage } from '../../src/server/admin/admin-page.ts';
import { postCommentReport, postLessonComment } from '../../src/server/comments/comment-routes.ts';
import { createApp } from '../../src/server/app.ts';
import { ADMIN_TOKEN, ORIGIN, TestBrowser, useTestApp } from './helpers/test-app.ts';
import { describeEachDatabase } from './helpers/test-databases.ts';

function form(fields: Record<string, string>, cookie = '', path = '/admin') {
  return new Request(new URL(path, ORIGIN), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, Cookie: cookie },
    body: new URLSearchParams(fields),
  });
}

describeEachDatabase('the /admin page', (database) => {
  const testApp = useTestApp(database);

  it('signs a moderator in with the token, lists reported comments, and hides one', async () => {
    const { app } = testApp();
    const spammer = new TestBrowser('203.0.113.7');
    const posted = await spammer.call(app, postLessonComment, 'POST', '/api/lessons/admin-1/comments', {
      params: { slug: 'admin-1' },
      json: { body: 'Cheap followers', displayName: 'Spammer' },
    });
    const id = posted.body.comment.id as string;
    const reporter = new TestBrowser('203.0.113.6');
    await reporter.call(app, postCommentReport, 'POST', `/api/comments/${id}/report`, {
      params: { id },
      json: { reason: 'spam' },
    });

    expect(await adminPage(app, new Request(new URL('/admin', ORIGIN)), '203.0.113.8')).toEqual({
      kind: 'sign-in',
    });
    expect(await adminPage(app, form({ action: 'sign-in', token: 'wrong' }), '203.0.113.8')).toEqual({
      kind: 'sign-in',
      error: 'That is not the moderator token.',
    });
    const signedIn = await adminPage(app, form({ action: 'sign-in', token: ADMIN_TOKEN }), '203.0.113.8');
    if (!(signedIn instanceof Response)) throw new Error('expected a redirect');
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(signedIn.headers.get('set-cookie')).toMatch(
      /^kube101_admin=[0-9a-f]{64}; Max-Age=43200; Path=\/admin; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie).not.toContain(ADMIN_TOKEN);

    const listed = await adminPage(
      app,
      new Request(new URL('/admin?view=reported', ORIGIN), { headers: { Cookie: cookie } }),
      '203.0.113.8',
    );
    expect(listed).toMatchObject({ kind: 'moderate', view: 'reported' });
    if (listed instanceof Response || listed.kind !== 'moderate') throw new Error('expected the list');
    expect(listed.comments.find((comment) => comment.id === id)).toMatchObject({
      author: 'Spammer',
      hidden: false,
    });

    const hidden = await adminPage(
      app,
      form({ action: 'hide', id }, cookie, '/admin?view=reported'),
      '203.0.113.8',
    );
    expect(hidden instanceof Response && hidden.headers.get('location')).toBe(
      `/admin?view=reported&done=hide#comment-${id}`,
    );
    const row = await app.db
      .selectFrom('comments')
      .select('hidden_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.hidden_at).not.toBeNull();

    // Without the session cookie, actions are refused.
    expect(await adminPage(app, form({ action: 'delete', id }), '203.0.113.8')).toMatchObject({
      kind: 'sign-in',
    });
  });

  it('says moderation is off without ADMIN_TOKEN', async () => {
    const app = createApp(testApp().handle, new Map(), {});
    expect(await adminPage(app, new Request(new URL('/admin', ORIGIN)), '203.0.113.9')).toEqual({
      kind: 'disabled',
    });
  });
});
