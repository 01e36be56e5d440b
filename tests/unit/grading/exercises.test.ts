import { describe, expect, it } from 'vitest';
import { loadExercisesFromDisk } from '../../../src/cli/exercise-files.ts';
import { verifyExercise } from '../../../src/grading/index.ts';

const exercises = loadExercisesFromDisk();

describe('every exercise in content/exercises', () => {
  it('is there', () => {
    expect(exercises.length).toBeGreaterThan(0);
  });

  for (const exercise of exercises) {
    it(`${exercise.id}: solutions pass, known mistakes fail with their message`, async () => {
      const reports = await verifyExercise(exercise);
      const problems = reports.filter((r) => !r.ok).map((r) => `${r.kind} "${r.attempt}": ${r.problem}`);
      expect(problems).toEqual([]);
      expect(reports.filter((r) => r.kind === 'solution').length).toBeGreaterThan(0);
    });
  }
});
