// Grades a submitted transcript on the server: validates its shape and size, replays it in a fresh
// simulator in the replay threads within a time budget, and stores the verdict. The client's own
// idea of the result is never read.
import { randomUUID } from 'node:crypto';
import type { App } from '../app.ts';
import { ApiError } from '../http/api-error.ts';
import { ReplayPoolFull, ReplayTimedOut } from './replay-pool.ts';
import {
  transcriptSchema,
  TRANSCRIPT_LIMITS,
  type Exercise,
  type GradeResult,
  type Transcript,
} from '../../grading/index.ts';

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
    // The field as a learner would write it: transcript[0].line, transcript[3] for the step itself.
    const where = `transcript${(issue?.path ?? [])
      .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
      .join('')}`;
    throw new ApiError(400, 'invalid_transcript', `${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

/** Grades in the App's replay threads; a replay past its budget or a full pool is a clear error. */
export async function gradeInPool(
  app: App,
  exercise: Exercise,
  transcript: Transcript,
): Promise<GradeResult> {
  try {
    return await app.replays.grade(exercise, transcript);
  } catch (error) {
    if (error instanceof ReplayTimedOut) {
      throw new ApiError(
        422,
        'replay_timeout',
        `Replaying this transcript took longer than ${error.budgetMs / 1000} s, so it was not graded.`,
      );
    }
    if (error instanceof ReplayPoolFull) {
      throw new ApiError(
        503,
        'grading_busy',
        'The server is grading many submissions right now. Your submission is kept: try again shortly.',
        { 'Retry-After': String(error.retryAfterSeconds) },
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
