/**
 * Golden timelines, as kwok's stage tests pin its stages: each `golden/NAME.input.yaml` (objects,
 * the kubectl lines to run and when, how long to watch) is replayed on a fresh cluster and what
 * happens is compared with `golden/NAME.timeline.yaml`. After a change meant to alter behaviour,
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/sim/controllers/golden.test.ts` rewrites the
 * timelines; review their diff like code.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GoldenInput, replay } from './golden/timeline.ts';

const DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(DIR)
  .filter((file) => file.endsWith('.input.yaml'))
  .map((file) => file.slice(0, -'.input.yaml'.length))
  .sort();

describe('golden timelines', () => {
  it('has the cases the controllers are pinned by', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'crash-loop',
        'deployment-rollout',
        'failing-readiness-probe',
        'graceful-deletion',
        'statefulset-ordered',
        'unknown-image',
        'unschedulable',
      ]),
    );
  });

  it.each(cases)('%s', async (name) => {
    const input = GoldenInput.parse(parse(readFileSync(join(DIR, `${name}.input.yaml`), 'utf8')));
    const actual = await replay(input);
    const file = join(DIR, `${name}.timeline.yaml`);
    if (UPDATE) writeFileSync(file, actual);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });

  it('rejects a case with a field it does not know, naming it', () => {
    const result = GoldenInput.safeParse({
      seed: 1,
      watch: '1s',
      objects: [{ apiVersion: 'v1', kind: 'Pod' }],
      wait: 3,
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('wait');
  });
});
