/**
 * Proves an exercise right: every reference solution passes every task, and every known-wrong
 * attempt fails its task with the message it names. Used by the tests and `npm run exercise`.
 */
import type { Exercise } from './exercise.ts';
import { gradeTranscript, stepsToTranscript, type GradeResult } from './grader.ts';

export interface AttemptReport {
  exerciseId: string;
  attempt: string;
  kind: 'solution' | 'wrong';
  ok: boolean;
  /** Why it is not ok: the tasks and messages that surprised. */
  problem?: string;
  result: GradeResult;
}

export async function verifyExercise(exercise: Exercise): Promise<AttemptReport[]> {
  const reports: AttemptReport[] = [];
  for (const solution of exercise.solutions) {
    const result = await gradeTranscript(exercise, stepsToTranscript(solution.steps));
    const failing = result.checks.filter((c) => !c.passed);
    reports.push({
      exerciseId: exercise.id,
      attempt: solution.name,
      kind: 'solution',
      ok: failing.length === 0,
      ...(failing.length > 0 ? { problem: failing.map((c) => `${c.id}: ${c.message}`).join('\n') } : {}),
      result,
    });
  }
  for (const attempt of exercise.wrong) {
    const result = await gradeTranscript(exercise, stepsToTranscript(attempt.steps));
    const task = result.checks.find((c) => c.id === attempt.fails.task);
    const ok = task !== undefined && !task.passed && task.message.includes(attempt.fails.message);
    reports.push({
      exerciseId: exercise.id,
      attempt: attempt.name,
      kind: 'wrong',
      ok,
      ...(ok
        ? {}
        : {
            problem: `task ${attempt.fails.task} should fail with "${attempt.fails.message}", got: ${task ? `${task.passed ? 'passed' : 'failed'}: ${task.message}` : 'no such task'}`,
          }),
      result,
    });
  }
  return reports;
}
