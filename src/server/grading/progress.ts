// A learner's progress: for each exercise, the best submission (highest score, earliest first).
import type { App } from '../app.ts';

export interface ExerciseProgress {
  exerciseId: string;
  passed: boolean;
  score: number;
  submissions: number;
  bestAt: string;
}

export async function bestResults(app: App, learnerId: string): Promise<ExerciseProgress[]> {
  const rows = await app.db
    .selectFrom('submissions')
    .select(['exercise_id', 'passed', 'score', 'created_at'])
    .where('learner_id', '=', learnerId)
    .orderBy('exercise_id')
    .orderBy('score', 'desc')
    .orderBy('created_at', 'asc')
    .execute();
  const best = new Map<string, ExerciseProgress>();
  for (const row of rows) {
    const seen = best.get(row.exercise_id);
    if (seen) {
      seen.submissions++;
      continue;
    }
    best.set(row.exercise_id, {
      exerciseId: row.exercise_id,
      passed: row.passed,
      score: row.score,
      submissions: 1,
      bestAt: new Date(row.created_at).toISOString(),
    });
  }
  return [...best.values()];
}
