/**
 * What a learner sees when grading says "not yet": the exercise is not already solved when they
 * arrive, and every message they can read is complete (no `{placeholder}` left unfilled by a
 * teacher's message that names a value the check does not give).
 */
import { describe, expect, it } from 'vitest';
import { loadExercisesFromDisk } from '../../../src/cli/exercise-files.ts';
import { gradeTranscript, stepsToTranscript } from '../../../src/grading/index.ts';

const exercises = loadExercisesFromDisk();
const PLACEHOLDER = /\{\w+\}/;

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
  it('is not passed by a learner who does nothing', async () => {
    const result = await gradeTranscript(exercise, []);
    expect(result.passed).toBe(false);
    expect(result.score).toBeLessThan(100);
  });

  it('fills in every value of the messages its known mistakes show', async () => {
    const unfilled: string[] = [];
    for (const attempt of exercise.wrong) {
      const result = await gradeTranscript(exercise, stepsToTranscript(attempt.steps));
      for (const task of result.checks)
        if (PLACEHOLDER.test(task.message)) unfilled.push(`${attempt.name} / ${task.id}: ${task.message}`);
    }
    expect(unfilled).toEqual([]);
  });
});
