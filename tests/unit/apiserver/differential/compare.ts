/**
 * The differential suite's test body, shared by its three files (generated lines, lessons,
 * exercises) so that vitest runs them side by side.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DifferentialRunner, normalise, type DifferentialCase } from './run-both.ts';
import { knownDifference } from './known-differences.ts';
import type { KubectlRun } from '../../helpers/real-kubectl.ts';

/**
 * `kubectl logs` with a selector reads its pods' streams from a Go map (logs.go,
 * sequentialConsumeRequest ranges over `requests`), so the real kubectl prints the pods in a random
 * order: only the lines, not their order, can be compared.
 */
const POD_ORDER_IS_RANDOM = /^kubectl logs\b.*\s(-l|--selector)[\s=]/;

function comparable(run: KubectlRun, command: string): { stdout: string; stderr: string; exitCode: number } {
  let stdout = normalise(run.stdout);
  if (POD_ORDER_IS_RANDOM.test(command)) stdout = stdout.split('\n').sort().join('\n');
  return { stdout, stderr: normalise(run.stderr), exitCode: run.exitCode };
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
        const page = comparable(await runner.runPage(testCase), testCase.command);
        const real = comparable(await runner.runReal(testCase), testCase.command);
        const known = knownDifference(testCase);
        // A listed difference must still be one, so the list never outlives its reason.
        if (known) expect(page, known.reason).not.toEqual(real);
        else expect(page).toEqual(real);
      });
    }
  });
}
