// The learner cookie is marked Secure whenever the browser used https: directly, or through a proxy
// that says so in X-Forwarded-Proto, which is believed only when the operator set TRUST_PROXY.
import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { postLessonComment } from '../../src/server/comments/comment-routes.ts';
import { exerciseCatalog } from '../../src/course/course-exercises.ts';
import { TestBrowser, useTestApp } from './helpers/test-app.ts';
import { describeEachDatabase } from './helpers/test-databases.ts';

const SLUG = 'clusterip';
let nextIp = 1;
const freshIp = () => `192.0.2.${100 + nextIp++}`;

describeEachDatabase('learner cookie over TLS', (database) => {
  const testApp = useTestApp(database);
  const appTrustingProxy = () =>
    createApp(testApp().handle, exerciseCatalog(), { trustProxy: true, replays: testApp().app.replays });

  async function firstComment(
    app: ReturnType<typeof appTrustingProxy>,
    path: string,
    headers: Record<string, string>,
  ) {
    const response = await new TestBrowser(freshIp()).call(app, postLessonComment, 'POST', path, {
      params: { slug: SLUG },
      json: { body: 'Is the ClusterIP reachable from my laptop?', displayName: 'Tess' },
      headers,
    });
    return { status: response.status, cookie: response.headers.getSetCookie()[0] ?? '' };
  }

  it('is Secure when the request itself came over https', async () => {
    const sent = await firstComment(testApp().app, `https://localhost:4321/api/lessons/${SLUG}/comments`, {
      Origin: 'https://localhost:4321',
    });
    expect(sent.status).toBe(201);
    expect(sent.cookie).toMatch(/^kube101_learner=[^;]+;.*; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('is Secure behind a trusted proxy that says https, whose Origin is then the site’s own', async () => {
    const sent = await firstComment(appTrustingProxy(), `/api/lessons/${SLUG}/comments`, {
      Origin: 'https://localhost:4321',
      'X-Forwarded-Proto': 'https',
    });
    expect(sent.status).toBe(201);
    expect(sent.cookie).toMatch(/; Secure$/);
  });

  it('ignores X-Forwarded-Proto unless the proxy is trusted', async () => {
    const plain = await firstComment(testApp().app, `/api/lessons/${SLUG}/comments`, {
      'X-Forwarded-Proto': 'https',
    });
    expect(plain.status).toBe(201);
    expect(plain.cookie).not.toMatch(/Secure/);
    // Nor does it make an https page's request the site's own.
    const crossSite = await firstComment(testApp().app, `/api/lessons/${SLUG}/comments`, {
      Origin: 'https://localhost:4321',
      'X-Forwarded-Proto': 'https',
    });
    expect(crossSite.status).toBe(403);
  });

  it('stays plain over http behind a trusted proxy', async () => {
    const sent = await firstComment(appTrustingProxy(), `/api/lessons/${SLUG}/comments`, {
      'X-Forwarded-Proto': 'http',
    });
    expect(sent.status).toBe(201);
    expect(sent.cookie).not.toMatch(/Secure/);
  });
});
