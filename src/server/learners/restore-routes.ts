// Carrying progress to another browser: make a restore code in one browser, redeem it in another.
import type { App } from '../app.ts';
import { bestResults } from '../grading/progress.ts';
import { ApiError } from '../http/api-error.ts';
import { jsonResponse, readJsonObject } from '../http/json.ts';
import { checkSameOrigin, withSetCookie, type RouteContext } from '../http/route.ts';
import { findLearner, findOrCreateLearner } from './learners.ts';
import { cancelRestoreCode, createRestoreCode, redeemRestoreCode } from './restore-codes.ts';

/** POST /api/restore-codes: a new code for this learner (the old one stops working). */
export async function postRestoreCode(app: App, { request, clientAddress }: RouteContext): Promise<Response> {
  checkSameOrigin(request);
  const { learner, setCookie } = await findOrCreateLearner(app.db, request, app.now());
  return withSetCookie(setCookie, async () => {
    await app.rateLimits.consume([
      ['restoreCodePerLearner', learner.id],
      ['restoreCodePerIp', clientAddress],
    ]);
    const { code, expiresAt } = await createRestoreCode(app, learner.id);
    return jsonResponse({ code, expiresAt: expiresAt.toISOString() }, 201, { 'Cache-Control': 'no-store' });
  });
}

/** DELETE /api/restore-codes: the learner's code stops working. */
export async function deleteRestoreCode(app: App, { request }: RouteContext): Promise<Response> {
  checkSameOrigin(request);
  const learner = await findLearner(app.db, request);
  if (learner) await cancelRestoreCode(app, learner.id);
  return new Response(null, { status: 204 });
}

/** POST /api/restore { code }: this browser becomes the code's learner, with its progress. */
export async function postRestore(app: App, { request, clientAddress }: RouteContext): Promise<Response> {
  checkSameOrigin(request);
  // Counted before the code is read: guessing codes costs the same whether they exist or not.
  await app.rateLimits.consume([['restoreAttemptPerIp', clientAddress]]);
  const body = await readJsonObject(request, 1024);
  const code = body['code'];
  if (typeof code !== 'string' || code.length > 64) {
    throw new ApiError(400, 'invalid_restore_code', '`code` must be the restore code, as a string.');
  }
  const current = await findLearner(app.db, request);
  const { learnerId, setCookie } = await redeemRestoreCode(app, request, current, code);
  return withSetCookie(setCookie, async () =>
    jsonResponse({ progress: await bestResults(app, learnerId) }, 200, { 'Cache-Control': 'no-store' }),
  );
}
