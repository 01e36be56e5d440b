/**
 * The simulator's `kubectl explain` against what the real kubectl 1.35 printed for the same invocation,
 * captured by scripts/schema/capture-explain.ts from a server serving the Kubernetes 1.35 OpenAPI v3.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain, type ExplainOptions } from '../../../src/sim/kubectl/explain/explain.ts';

interface CapturedCase {
  name: string;
  args: string[];
  exitCode: number;
}

const fixtureDir = new URL('../../fixtures/explain/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', fixtureDir), 'utf8')) as CapturedCase[];

function parseArgs(args: string[]): { path: string; options: ExplainOptions } {
  const options: ExplainOptions = {};
  let path = '';
  for (const arg of args) {
    if (arg === '--recursive') options.recursive = true;
    else if (arg.startsWith('--api-version=')) options.apiVersion = arg.slice('--api-version='.length);
    else if (arg === '--output=plaintext-openapiv2') options.outputFormat = 'plaintext-openapiv2';
    else path = arg;
  }
  return { path, options };
}

describe('kubectl explain matches kubectl 1.35 byte for byte', () => {
  it('has captured cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  for (const testCase of cases) {
    it(`kubectl explain ${testCase.args.join(' ')}`, () => {
      const expected = readFileSync(new URL(`${testCase.name}.txt`, fixtureDir), 'utf8');
      const { path, options } = parseArgs(testCase.args);
      const result = explain(path, options);
      if (testCase.exitCode === 0) expect(result).toEqual({ stdout: expected });
      else expect(result).toEqual({ error: expected });
    });
  }
});
