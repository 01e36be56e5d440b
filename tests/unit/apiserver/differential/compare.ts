/**
 * The differential suite's test body, shared by its three files (generated lines, lessons,
 * exercises) so that vitest runs them side by side.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DifferentialRunner, normalise, type DifferentialCase } from './run-both.ts';
import { knownDifference } from './known-differences.ts';
import type { KubectlRun } from '../../helpers/real-kubectl.ts';

function comparable(run: KubectlRun): { stdout: string; stderr: string; exitCode: number } {
  return { stdout: normalise(run.stdout), stderr: normalise(run.stderr), exitCode: run.exitCode };
}

export function compareAll(title: string, cases: readonly DifferentialCase[]): void {
  describe(title, () => {
    const runner = new DifferentialRunner();
    afterAll(() => runner.close());
    it('has lines to compare', () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const testCase of cases) {
      it(`${testCase.source}: ${testCase.command}`, { timeout: 60_000 }, async () => {
        const page = comparable(await runner.runPage(testCase));
        const real = comparable(await runner.runReal(testCase));
        const known = knownDifference(testCase);
        // A listed difference must still be one, so the list never outlives its reason.
        if (known) expect(page, known.reason).not.toEqual(real);
        else expect(page).toEqual(real);
      });
    }
  });
}
