/**
 * The server's time budget reaches inside a step: a line that loops a million times, or scales a
 * Deployment to thousands of pods, stops when the budget says so instead of after its work is done.
 */
import { describe, expect, it } from 'vitest';
import { loadExercisesFromDisk } from '../../../src/cli/exercise-files.ts';
import { gradeTranscript, ReplayTimeout } from '../../../src/grading/index.ts';

const exercise = loadExercisesFromDisk().find((e) => e.id === 'nodeport-30033')!;

/** A budget spent after `checks` looks at it: counts instead of milliseconds, so the test is exact. */
function budgetOf(checks: number) {
  let seen = 0;
  return {
    outOfTime: () => ++seen > checks,
    seen: () => seen,
  };
}

describe('the replay budget', () => {
  it.each([
    'for i in $(seq 1 1000); do for j in $(seq 1 1000); do echo $i$j; done; done',
    'kubectl scale deployment web --replicas=3000',
  ])('stops `%s` within the step', async (line) => {
    const budget = budgetOf(40);
    await expect(
      gradeTranscript(exercise, [{ type: 'exec', line }], { outOfTime: budget.outOfTime }),
    ).rejects.toBeInstanceOf(ReplayTimeout);
    // Checked a few more times on the way out, not once per remaining round.
    expect(budget.seen()).toBeLessThan(60);
  });

  it('grades a transcript that finishes within the budget', async () => {
    const result = await gradeTranscript(exercise, [{ type: 'exec', line: 'kubectl get svc' }], {
      outOfTime: () => false,
    });
    expect(result.passed).toBe(false);
  });
});
