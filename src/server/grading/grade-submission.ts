// Grades a submitted transcript on the server: validates its shape and size, replays it in a
// fresh simulator within a time budget, and stores the verdict. The client's own idea of the
// result is never read.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { App } from '../app.ts';
import { ApiError } from '../http/api-error.ts';
import {
  gradeTranscript,
  ReplayTimeout,
  transcriptSchema,
  TRANSCRIPT_LIMITS,
  type Exercise,
  type GradeResult,
  type Transcript,
} from '../../grading/index.ts';

/** Wall-clock budget for one replay; past it the submission is refused, the server goes on. */
export const REPLAY_BUDGET_MS = 5000;

export function readTranscript(value: unknown): Transcript {
  if (!Array.isArray(value))
    throw new ApiError(400, 'invalid_transcript', '`transcript` must be an array of steps.');
  if (value.length > TRANSCRIPT_LIMITS.entries) {
    throw new ApiError(
      413,
      'transcript_too_long',
      `The transcript has ${value.length} steps; at most ${TRANSCRIPT_LIMITS.entries} are graded. Reset the exercise and try again.`,
    );
  }
  const parsed = transcriptSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `transcript[${issue.path.join('].')}` : 'transcript';
    throw new ApiError(400, 'invalid_transcript', `${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

export async function gradeWithinBudget(exercise: Exercise, transcript: Transcript): Promise<GradeResult> {
  const deadline = performance.now() + REPLAY_BUDGET_MS;
  try {
    return await gradeTranscript(exercise, transcript, { outOfTime: () => performance.now() > deadline });
  } catch (error) {
    if (error instanceof ReplayTimeout) {
      throw new ApiError(
        422,
        'replay_timeout',
        `Replaying this transcript took longer than ${REPLAY_BUDGET_MS / 1000} s, so it was not graded.`,
      );
    }
    throw error;
  }
}

export async function storeSubmission(
  app: App,
  learnerId: string,
  transcript: Transcript,
  result: GradeResult,
): Promise<string> {
  const id = randomUUID();
  await app.db
    .insertInto('submissions')
    .values({
      id,
      learner_id: learnerId,
      exercise_id: result.exerciseId,
      passed: result.passed,
      score: result.score,
      checks: JSON.stringify(result.checks),
      transcript_entries: transcript.length,
      created_at: app.now(),
    })
    .execute();
  return id;
}
