// HTTP handlers of the grading API (docs/ARCHITECTURE.md): the exercise list, submissions, progress.
import type { App } from '../app.ts';
import { ApiError } from '../http/api-error.ts';
import { jsonResponse, readJsonObject } from '../http/json.ts';
import { checkSameOrigin, withSetCookie, type RouteContext } from '../http/route.ts';
import { findLearner, findOrCreateLearner } from '../learners/learners.ts';
import { gradeInPool, readTranscript, storeSubmission } from './grade-submission.ts';
import { bestResults } from './progress.ts';

/** A transcript at its limits (2000 steps, long heredocs) stays well under this. */
export const MAX_SUBMISSION_BYTES = 2 * 1024 * 1024;

/** GET /api/exercises: what there is to do, without solutions or checks. */
export async function getExercises(app: App): Promise<Response> {
  const exercises = [...app.exercises.values()].map((e) => ({
    id: e.id,
    title: e.title,
    lesson: e.lesson,
    order: e.order,
    tasks: e.tasks.map((t) => ({ id: t.id, title: t.title })),
  }));
  return jsonResponse({ exercises }, 200, { 'Cache-Control': 'public, max-age=60' });
}

/** POST /api/submissions { exerciseId, transcript }: replayed, graded and stored by the server. */
export async function postSubmission(app: App, { request, clientAddress }: RouteContext): Promise<Response> {
  checkSameOrigin(request);
  const body = await readJsonObject(request, MAX_SUBMISSION_BYTES);
  const exerciseId = body['exerciseId'];
  if (typeof exerciseId !== 'string')
    throw new ApiError(400, 'invalid_exercise', '`exerciseId` must be a string.');
  const exercise = app.exercises.get(exerciseId);
  if (!exercise)
    throw new ApiError(404, 'unknown_exercise', `There is no exercise "${exerciseId.slice(0, 80)}".`);
  const transcript = readTranscript(body['transcript']);
  const { learner, setCookie } = await findOrCreateLearner(app.db, request, app.now());
  return withSetCookie(setCookie, async () => {
    await app.rateLimits.consume([
      ['submissionPerLearner', learner.id],
      ['submissionPerIp', clientAddress],
    ]);
    const result = await gradeInPool(app, exercise, transcript);
    const id = await storeSubmission(app, learner.id, transcript, result);
    return jsonResponse(
      {
        id,
        exerciseId: result.exerciseId,
        passed: result.passed,
        score: result.score,
        checks: result.checks.map(({ id: taskId, passed, message }) => ({ id: taskId, passed, message })),
      },
      201,
    );
  });
}

/** GET /api/progress: the learner's best result per exercise. */
export async function getProgress(app: App, { request }: RouteContext): Promise<Response> {
  const learner = await findLearner(app.db, request);
  const progress = learner ? await bestResults(app, learner.id) : [];
  return jsonResponse({ progress });
}

/** DELETE /api/progress: forget the learner's submissions. */
export async function deleteProgress(app: App, { request }: RouteContext): Promise<Response> {
  checkSameOrigin(request);
  const learner = await findLearner(app.db, request);
  if (learner) await app.db.deleteFrom('submissions').where('learner_id', '=', learner.id).execute();
  return new Response(null, { status: 204 });
}
