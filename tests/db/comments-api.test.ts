import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  deleteComment,
  getCommentCounts,
  getLessonComments,
  getModerationList,
  patchComment,
  postCommentReport,
  postLessonComment,
} from '../../src/server/comments/comment-routes.ts';
import { createApp } from '../../src/server/app.ts';
import { handleRoute } from '../../src/server/http/route.ts';
import { ADMIN_TOKEN, TestBrowser, useTestApp } from './helpers/test-app.ts';
import { describeEachDatabase } from './helpers/test-databases.ts';

let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

describeEachDatabase('comments API', (database) => {
  const testApp = useTestApp(database);

  async function post(browser: TestBrowser, slug: string, json: Record<string, unknown>) {
    return browser.call(testApp().app, postLessonComment, 'POST', `/api/lessons/${slug}/comments`, {
      params: { slug },
      json,
    });
  }
  async function list(browser: TestBrowser, slug: string, query = '') {
    return browser.call(testApp().app, getLessonComments, 'GET', `/api/lessons/${slug}/comments${query}`, {
      params: { slug },
    });
  }
  async function patch(
    browser: TestBrowser,
    id: string,
    json: unknown,
    headers: Record<string, string> = {},
  ) {
    return browser.call(testApp().app, patchComment, 'PATCH', `/api/comments/${id}`, {
      params: { id },
      json,
      headers,
    });
  }
  async function remove(browser: TestBrowser, id: string, headers: Record<string, string> = {}) {
    return browser.call(testApp().app, deleteComment, 'DELETE', `/api/comments/${id}`, {
      params: { id },
      headers,
    });
  }
  const moderator = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  describe('posting', () => {
    it('asks for a display name on the first comment, then posts and remembers the learner', async () => {
      const alice = new TestBrowser(freshIp());
      const refused = await post(alice, 'posting-1', { body: 'Why port 82?' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('display_name_required');
      expect(refused.headers.get('set-cookie')).toBeNull(); // no learner for a refused first post

      const created = await post(alice, 'posting-1', { body: 'Why port **82**?', displayName: '  Alice  ' });
      expect(created.status).toBe(201);
      expect(created.body.comment).toMatchObject({
        author: 'Alice',
        state: 'visible',
        mine: true,
        parentId: null,
      });
      expect(created.body.comment.html).toBe('<p>Why port <strong>82</strong>?</p>');
      const cookie = created.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^kube101_learner=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);

      // The second comment needs no name; the learner is the same.
      const second = await post(alice, 'posting-1', { body: 'And what is targetPort?' });
      expect(second.status).toBe(201);
      expect(second.body.comment.author).toBe('Alice');
      expect(second.headers.get('set-cookie')).toBeNull();

      const page = await list(new TestBrowser(), 'posting-1');
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(2);
      expect(page.body.comments.map((c: { mine: boolean; author: string }) => [c.author, c.mine])).toEqual([
        ['Alice', false],
        ['Alice', false],
      ]);
      expect((await list(alice, 'posting-1')).body.comments.every((c: { mine: boolean }) => c.mine)).toBe(
        true,
      );
    });

    it('stores only the SHA-256 of the learner token', async () => {
      const bob = new TestBrowser(freshIp());
      await post(bob, 'posting-2', { body: 'hello', displayName: 'Bob' });
      const token = bob.cookies.get('kube101_learner') ?? '';
      const rows = await testApp()
        .app.db.selectFrom('learner_tokens')
        .innerJoin('learners', 'learners.id', 'learner_tokens.learner_id')
        .select(['learner_tokens.token_hash', 'learners.display_name'])
        .execute();
      const hash = createHash('sha256').update(token).digest('hex');
      expect(rows.find((row) => row.token_hash === hash)?.display_name).toBe('Bob');
      expect(rows.some((row) => row.token_hash === token)).toBe(false);
    });

    it('gives comments unguessable uuids', async () => {
      const carol = new TestBrowser(freshIp());
      const a = await post(carol, 'posting-3', { body: 'one', displayName: 'Carol' });
      const b = await post(carol, 'posting-3', { body: 'two' });
      expect(a.body.comment.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(a.body.comment.id).not.toBe(b.body.comment.id);
    });

    it('says what is wrong with a refused post', async () => {
      const dave = new TestBrowser(freshIp());
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ body: '   ', displayName: 'Dave' }, 400, 'empty_body'],
        [{ body: 42, displayName: 'Dave' }, 400, 'invalid_body'],
        [{ body: 'x'.repeat(5001), displayName: 'Dave' }, 413, 'body_too_long'],
        [{ body: 'hi', displayName: 'D'.repeat(41) }, 400, 'display_name_too_long'],
        [{ body: 'hi', displayName: 'Da\u202Eve' }, 400, 'invalid_display_name'],
        [{ body: 'hi', displayName: 'Dave', website: 'http://spam.example' }, 400, 'rejected'],
        [{ body: 'hi', displayName: 'Dave', parentId: 'not-a-uuid' }, 404, 'parent_not_found'],
      ];
      for (const [json, status, code] of cases) {
        const response = await post(dave, 'posting-4', json);
        expect([response.status, response.body.error.code], JSON.stringify(json).slice(0, 60)).toEqual([
          status,
          code,
        ]);
        expect(response.body.error.message).toEqual(expect.any(String));
      }
      expect((await post(dave, 'posting-4', { body: 'x'.repeat(5000), displayName: 'Dave' })).status).toBe(
        201,
      );
      expect((await list(dave, 'posting-4')).body.total).toBe(1);
    });

    it('refuses bodies that are not JSON, too large, for a bad lesson name, or from another site', async () => {
      const app = testApp().app;
      const raw = async (body: string, headers: Record<string, string>, slug = 'posting-5') => {
        const request = new Request(`http://localhost:4321/api/lessons/${slug}/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:4321', ...headers },
          body,
        });
        const response = await handleRoute(
          postLessonComment,
          { request, params: { slug }, clientAddress: freshIp() },
          app,
        );
        return {
          status: response.status,
          code: ((await response.json()) as { error: { code: string } }).error.code,
        };
      };
      expect(await raw('{"body":', {})).toEqual({ status: 400, code: 'invalid_json' });
      expect(await raw('[1]', {})).toEqual({ status: 400, code: 'invalid_body' });
      expect(await raw('{"body":"hi"}', { 'Content-Type': 'text/plain' })).toEqual({
        status: 415,
        code: 'unsupported_media_type',
      });
      expect(await raw(JSON.stringify({ body: 'x'.repeat(40_000) }), {})).toEqual({
        status: 413,
        code: 'body_too_large',
      });
      expect(await raw('{"body":"hi","displayName":"E"}', {}, 'Bad%20Slug')).toEqual({
        status: 404,
        code: 'lesson_not_found',
      });
      expect(await raw('{"body":"hi","displayName":"E"}', { Origin: 'https://evil.example' })).toEqual({
        status: 403,
        code: 'cross_origin',
      });
    });

    it('refuses the same comment twice in a row', async () => {
      const erin = new TestBrowser(freshIp());
      expect((await post(erin, 'posting-6', { body: 'Same text', displayName: 'Erin' })).status).toBe(201);
      const again = await post(erin, 'posting-6', { body: 'Same text' });
      expect([again.status, again.body.error.code]).toEqual([409, 'duplicate_comment']);
      testApp().clock.advance(11 * 60 * 1000);
      expect((await post(erin, 'posting-6', { body: 'Same text' })).status).toBe(201);
      // The same short reply under two different comments is not a duplicate.
      const fay = new TestBrowser(freshIp());
      const first = await post(fay, 'posting-6', { body: 'Question one', displayName: 'Fay' });
      const second = await post(fay, 'posting-6', { body: 'Question two' });
      for (const parent of [first, second]) {
        expect(
          (await post(fay, 'posting-6', { body: 'Thanks!', parentId: parent.body.comment.id })).status,
        ).toBe(201);
      }
    });
  });

  describe('replies', () => {
    it('threads replies one level deep, oldest first', async () => {
      const asker = new TestBrowser(freshIp());
      const helper = new TestBrowser(freshIp());
      const question = await post(asker, 'replies-1', { body: 'Question', displayName: 'Asker' });
      const questionId = question.body.comment.id as string;
      const answer = await post(helper, 'replies-1', {
        body: 'Answer',
        displayName: 'Helper',
        parentId: questionId,
      });
      expect(answer.body.comment.parentId).toBe(questionId);
      testApp().clock.advance(1000);
      // Replying to a reply joins the same thread.
      const thanks = await post(asker, 'replies-1', { body: 'Thanks', parentId: answer.body.comment.id });
      expect(thanks.body.comment.parentId).toBe(questionId);

      const page = await list(new TestBrowser(), 'replies-1');
      expect(page.body.total).toBe(3);
      expect(page.body.comments).toHaveLength(1);
      expect(page.body.comments[0].replies.map((r: { author: string }) => r.author)).toEqual([
        'Helper',
        'Asker',
      ]);
    });

    it('does not attach a reply to a comment of another lesson', async () => {
      const browser = new TestBrowser(freshIp());
      const elsewhere = await post(browser, 'replies-2', { body: 'Here', displayName: 'Frank' });
      const reply = await post(browser, 'replies-3', { body: 'There', parentId: elsewhere.body.comment.id });
      expect([reply.status, reply.body.error.code]).toEqual([404, 'parent_not_found']);
    });
  });

  describe('reading', () => {
    it('pages through a long thread newest or oldest first with "load more" cursors', async () => {
      const { clock } = testApp();
      const writer = new TestBrowser(freshIp());
      const unlimited = testApp().withRules({
        commentPerLearner: { points: 100, durationSeconds: 60, action: 'posting comments' },
        commentPerIp: { points: 100, durationSeconds: 60, action: 'posting comments' },
      });
      for (let i = 1; i <= 25; i++) {
        const created = await writer.call(
          unlimited,
          postLessonComment,
          'POST',
          '/api/lessons/reading-1/comments',
          {
            params: { slug: 'reading-1' },
            json: { body: `Comment ${i}`, displayName: 'Grace' },
          },
        );
        expect(created.status).toBe(201);
        // 10 and 11 share a timestamp across the first page's end: the id breaks the tie.
        if (i !== 10) clock.advance(1000);
      }
      const reader = new TestBrowser();
      const collect = async (order: string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        const pages: number[] = [];
        do {
          const query = `?order=${order}&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
          const page = await list(reader, 'reading-1', query);
          expect(page.status).toBe(200);
          pages.push(page.body.comments.length);
          seen.push(...page.body.comments.map((c: { html: string }) => c.html.replace(/<\/?p>/g, '')));
          cursor = page.body.nextCursor;
        } while (cursor);
        return { seen, pages };
      };
      const newest = await collect('newest');
      expect(newest.pages).toEqual([10, 10, 5]);
      expect(new Set(newest.seen).size).toBe(25);
      expect(newest.seen[0]).toBe('Comment 25');
      expect(newest.seen.at(-1)).toBe('Comment 1');
      const oldest = await collect('oldest');
      expect(oldest.seen).toEqual([...newest.seen].reverse());

      // Browsers get the shared first page gzipped; it is the same JSON.
      const gzipped = await handleRoute(
        getLessonComments,
        {
          request: new Request('http://localhost:4321/api/lessons/reading-1/comments?limit=10', {
            headers: { 'Accept-Encoding': 'gzip, deflate, br' },
          }),
          params: { slug: 'reading-1' },
          clientAddress: freshIp(),
        },
        testApp().app,
      );
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      const unzipped = JSON.parse(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString('utf8'));
      expect(unzipped.comments.map((c: { id: string }) => c.id)).toEqual(
        (await list(reader, 'reading-1', '?limit=10')).body.comments.map((c: { id: string }) => c.id),
      );

      for (const query of ['?order=random', '?limit=0', '?limit=51', '?cursor=bm9wZQ']) {
        expect((await list(reader, 'reading-1', query)).status, query).toBe(400);
      }
    });

    it('counts visible comments per lesson for the outline', async () => {
      const browser = new TestBrowser(freshIp());
      await post(browser, 'counts-a', { body: 'a1', displayName: 'Heidi' });
      await post(browser, 'counts-a', { body: 'a2' });
      await post(browser, 'counts-b', { body: 'b1' });
      const counts = await browser.call(
        testApp().app,
        getCommentCounts,
        'GET',
        '/api/comments/counts?slugs=counts-a,counts-b,counts-c',
      );
      expect(counts.status).toBe(200);
      expect(counts.body.counts).toEqual({ 'counts-a': 2, 'counts-b': 1 });
      const all = await browser.call(testApp().app, getCommentCounts, 'GET', '/api/comments/counts');
      expect(all.body.counts['counts-a']).toBe(2);
    });
  });

  describe('editing and deleting', () => {
    it('lets the author edit for 15 minutes and marks the comment edited', async () => {
      const ivan = new TestBrowser(freshIp());
      const created = await post(ivan, 'edit-1', { body: 'Typo hree', displayName: 'Ivan' });
      const id = created.body.comment.id as string;
      expect(created.body.comment.markdown).toBe('Typo hree');
      expect(created.body.comment.editableUntil).toBe(
        new Date(testApp().clock.now.getTime() + 15 * 60_000).toISOString(),
      );

      testApp().clock.advance(14 * 60 * 1000);
      const edited = await patch(ivan, id, { body: 'Typo *here*' });
      expect(edited.status).toBe(200);
      expect(edited.body.comment.html).toBe('<p>Typo <em>here</em></p>');
      expect(edited.body.comment.editedAt).toBe(testApp().clock.now.toISOString());
      expect((await list(new TestBrowser(), 'edit-1')).body.comments[0].editedAt).not.toBeNull();

      testApp().clock.advance(61 * 1000);
      const late = await patch(ivan, id, { body: 'Too late' });
      expect([late.status, late.body.error.code]).toEqual([403, 'edit_window_closed']);
      const lateDelete = await remove(ivan, id);
      expect([lateDelete.status, lateDelete.body.error.code]).toEqual([403, 'edit_window_closed']);
      const view = (await list(ivan, 'edit-1')).body.comments[0];
      expect(view.editableUntil).toBeNull();
      expect(view.markdown).toBeUndefined();
    });

    it("never lets a learner change another learner's comment", async () => {
      const judy = new TestBrowser(freshIp());
      const mallory = new TestBrowser(freshIp());
      const created = await post(judy, 'edit-2', { body: 'Mine', displayName: 'Judy' });
      const id = created.body.comment.id as string;
      testApp().clock.advance(1000);
      await post(mallory, 'edit-2', { body: 'Hi', displayName: 'Mallory' });
      for (const attempt of [await patch(mallory, id, { body: 'Pwned' }), await remove(mallory, id)]) {
        expect([attempt.status, attempt.body.error.code]).toEqual([403, 'not_your_comment']);
      }
      const anonymous = await patch(new TestBrowser(), id, { body: 'Pwned' });
      expect(anonymous.status).toBe(403);
      // A made-up id is just not found.
      expect((await patch(judy, '00000000-0000-4000-8000-000000000000', { body: 'x' })).status).toBe(404);
      expect((await list(judy, 'edit-2')).body.comments.map((c: { html: string }) => c.html)).toEqual([
        '<p>Hi</p>',
        '<p>Mine</p>',
      ]);
    });

    it('leaves a "deleted" placeholder for a deleted comment with replies, and removes one without', async () => {
      const kim = new TestBrowser(freshIp());
      const lee = new TestBrowser(freshIp());
      const parent = await post(kim, 'delete-1', { body: 'Parent text', displayName: 'Kim' });
      const lonely = await post(kim, 'delete-1', { body: 'Lonely text' });
      await post(lee, 'delete-1', {
        body: 'Reply text',
        displayName: 'Lee',
        parentId: parent.body.comment.id,
      });

      expect((await remove(kim, parent.body.comment.id)).status).toBe(204);
      expect((await remove(kim, lonely.body.comment.id)).status).toBe(204);

      const page = await list(new TestBrowser(), 'delete-1');
      expect(page.body.total).toBe(1);
      expect(page.body.comments).toHaveLength(1);
      expect(page.body.comments[0]).toMatchObject({ state: 'deleted', author: null, html: '' });
      expect(page.body.comments[0].replies.map((r: { html: string }) => r.html)).toEqual([
        '<p>Reply text</p>',
      ]);
      const stored = await testApp()
        .app.db.selectFrom('comments')
        .select('body_markdown')
        .where('id', '=', parent.body.comment.id)
        .executeTakeFirstOrThrow();
      expect(stored.body_markdown).toBe('');

      // A new reply to the deleted comment is refused; the thread stays readable.
      const late = await post(lee, 'delete-1', { body: 'Another', parentId: parent.body.comment.id });
      expect([late.status, late.body.error.code]).toEqual([409, 'parent_deleted']);
    });
  });

  describe('reports and moderation', () => {
    it('lists reported comments for a moderator, who hides, unhides and deletes them', async () => {
      const { app } = testApp();
      const author = new TestBrowser(freshIp());
      const reporter = new TestBrowser(freshIp());
      const spam = await post(author, 'moderation-1', { body: 'Buy followers', displayName: 'Spammer' });
      const id = spam.body.comment.id as string;
      const report = await reporter.call(app, postCommentReport, 'POST', `/api/comments/${id}/report`, {
        params: { id },
        json: { reason: 'spam' },
      });
      expect(report.status).toBe(202);

      const unauthorized = await reporter.call(
        app,
        getModerationList,
        'GET',
        '/api/admin/comments?view=reported',
      );
      expect(unauthorized.status).toBe(401);
      const wrong = await reporter.call(app, getModerationList, 'GET', '/api/admin/comments?view=reported', {
        headers: { Authorization: 'Bearer nope' },
      });
      expect(wrong.status).toBe(401);
      const reported = await reporter.call(
        app,
        getModerationList,
        'GET',
        '/api/admin/comments?view=reported',
        { headers: moderator },
      );
      expect(reported.status).toBe(200);
      expect(reported.body.comments.find((c: { id: string }) => c.id === id)).toMatchObject({
        lessonSlug: 'moderation-1',
        markdown: 'Buy followers',
        hidden: false,
        reports: [{ reason: 'spam' }],
      });

      expect((await patch(reporter, id, { hidden: true }, moderator)).status).toBe(200);
      expect((await list(new TestBrowser(), 'moderation-1')).body.comments).toEqual([]);
      expect((await list(author, 'moderation-1')).body.total).toBe(0);
      const editHidden = await patch(author, id, { body: 'sneaky edit' });
      expect(editHidden.status).toBe(404);

      expect((await patch(reporter, id, { hidden: false }, moderator)).status).toBe(200);
      expect((await list(new TestBrowser(), 'moderation-1')).body.total).toBe(1);

      testApp().clock.advance(60 * 60 * 1000); // moderators are not bound by the edit window
      expect((await remove(reporter, id, moderator)).status).toBe(204);
      expect((await list(new TestBrowser(), 'moderation-1')).body.total).toBe(0);
      const recent = await reporter.call(app, getModerationList, 'GET', '/api/admin/comments?view=recent', {
        headers: moderator,
      });
      expect(recent.body.comments.find((c: { id: string }) => c.id === id)).toMatchObject({ deleted: true });
    });

    it('refuses moderation when no ADMIN_TOKEN is configured', async () => {
      const noAdmin = createApp(testApp().handle, new Map(), {});
      const browser = new TestBrowser(freshIp());
      const response = await browser.call(noAdmin, getModerationList, 'GET', '/api/admin/comments', {
        headers: { Authorization: 'Bearer anything' },
      });
      expect([response.status, response.body.error.code]).toEqual([403, 'moderation_disabled']);
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After past the per-learner limit', async () => {
      const app = testApp().withRules({
        commentPerLearner: { points: 2, durationSeconds: 60, action: 'posting comments' },
      });
      const nia = new TestBrowser(freshIp());
      const send = (body: string) =>
        nia.call(app, postLessonComment, 'POST', '/api/lessons/limits-1/comments', {
          params: { slug: 'limits-1' },
          json: { body, displayName: 'Nia' },
        });
      expect((await send('one')).status).toBe(201);
      expect((await send('two')).status).toBe(201);
      const refused = await send('three');
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    });

    it('limits an IP across learners', async () => {
      const app = testApp().withRules({
        commentPerIp: { points: 3, durationSeconds: 60, action: 'posting comments' },
      });
      const ip = freshIp();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const browser = new TestBrowser(ip);
        const response = await browser.call(
          app,
          postLessonComment,
          'POST',
          '/api/lessons/limits-2/comments',
          {
            params: { slug: 'limits-2' },
            json: { body: `from learner ${i}`, displayName: `L${i}` },
          },
        );
        statuses.push(response.status);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
    });
  });
});
