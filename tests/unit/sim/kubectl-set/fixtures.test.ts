/**
 * Every captured `kubectl set` case, run on a runtime holding the capture's seed cluster, must give
 * the same stdout, stderr and exit code as kubectl 1.35 did, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { fixtureIndex, fixtureNames, loadFixture } from '../../../fixtures/load.ts';
import { kubectl, seedRuntime } from '../kubectl-read/seed-runtime.ts';

const capturedAt = Date.parse(fixtureIndex().capturedAt);
const cases = fixtureNames().filter((name) => name.startsWith('set-'));

describe('kubectl set matches the captured kubectl 1.35 output', () => {
  it('has the captured cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  for (const name of cases) {
    const fixture = loadFixture(name);
    it(`${name}: kubectl ${fixture.args.join(' ')}`, async () => {
      const runtime = seedRuntime(capturedAt);
      for (const [path, content] of Object.entries(fixture.files ?? {})) runtime.fs.write(path, content);
      for (const setup of fixture.setup ?? []) {
        const result = await kubectl(runtime, setup);
        expect(result.exitCode, result.stderr).toBe(0);
      }
      const result = await kubectl(runtime, fixture.args, fixture.stdin);
      expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
        stdout: fixture.stdout,
        stderr: fixture.stderr,
        exitCode: fixture.exitCode,
      });
    });
  }
});
