// A real HTTP server process around the same route handlers the Astro endpoints call (comments,
// submissions, progress, restore codes; exercises read from content/exercises), configured like
// the site (DATABASE_URL or DATA_DIR, ADMIN_TOKEN), started in a second or two where an Astro build
// takes a minute. Process tests run two of them on one PostgreSQL, or kill one with SIGKILL.
// TEST_RATE_LIMITS (JSON) overrides rate-limit rules. Prints "listening <port>" when ready.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { DEFAULT_RATE_LIMIT_RULES } from '../../../src/server/abuse/rate-limits.ts';
import { createApp } from '../../../src/server/app.ts';
import {
  deleteComment,
  getCommentCounts,
  getLessonComments,
  getModerationList,
  patchComment,
  postCommentReport,
  postLessonComment,
} from '../../../src/server/comments/comment-routes.ts';
import { readServerConfig } from '../../../src/server/config.ts';
import { loadExercisesFromDisk } from '../../../src/cli/exercise-files.ts';
import {
  deleteProgress,
  getExercises,
  getProgress,
  postSubmission,
} from '../../../src/server/grading/grading-routes.ts';
import {
  deleteRestoreCode,
  postRestore,
  postRestoreCode,
} from '../../../src/server/learners/restore-routes.ts';
import { openDatabase } from '../../../src/server/db/open-database.ts';
import { handleRoute, type RouteHandler } from '../../../src/server/http/route.ts';

const routes: Array<[string, RegExp, RouteHandler]> = [
  ['GET', /^\/api\/comments\/counts$/, getCommentCounts],
  ['GET', /^\/api\/admin\/comments$/, getModerationList],
  ['GET', /^\/api\/lessons\/(?<slug>[^/]+)\/comments$/, getLessonComments],
  ['POST', /^\/api\/lessons\/(?<slug>[^/]+)\/comments$/, postLessonComment],
  ['PATCH', /^\/api\/comments\/(?<id>[^/]+)$/, patchComment],
  ['DELETE', /^\/api\/comments\/(?<id>[^/]+)$/, deleteComment],
  ['POST', /^\/api\/comments\/(?<id>[^/]+)\/report$/, postCommentReport],
  ['GET', /^\/api\/exercises$/, getExercises],
  ['POST', /^\/api\/submissions$/, postSubmission],
  ['GET', /^\/api\/progress$/, getProgress],
  ['DELETE', /^\/api\/progress$/, deleteProgress],
  ['POST', /^\/api\/restore-codes$/, postRestoreCode],
  ['DELETE', /^\/api\/restore-codes$/, deleteRestoreCode],
  ['POST', /^\/api\/restore$/, postRestore],
];

const config = readServerConfig();
const database = await openDatabase(config.database);
const app = createApp(database, new Map(loadExercisesFromDisk().map((e) => [e.id, e])), {
  adminToken: config.adminToken,
  trustProxy: config.trustProxy,
  rateLimitRules: { ...DEFAULT_RATE_LIMIT_RULES, ...JSON.parse(process.env.TEST_RATE_LIMITS ?? '{}') },
});

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const route = routes.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
  const params = { ...route[1].exec(url.pathname)?.groups };
  const response = await handleRoute(
    route[2],
    { request, params, clientAddress: req.socket.remoteAddress ?? '' },
    app,
  );
  const outgoing: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing['set-cookie'] = cookies;
  res.writeHead(response.status, outgoing);
  res.end(Buffer.from(await response.arrayBuffer()));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void Promise.all([app.replays.close(), database.close()]).then(() => process.exit(0));
  });
}
