import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../../../../src/sim/index.ts';

/** Pieces that make the shell's parser, expansions and commands work hardest. */
const PIECES = [
  'kubectl',
  'k',
  'get',
  'pods',
  'svc',
  '-n',
  '-o',
  'yaml',
  'echo',
  'cat',
  'curl',
  'wget',
  'grep',
  'head',
  'wc',
  'awk',
  'sort',
  'ls',
  'rm',
  'cd',
  'for',
  'in',
  'do',
  'done',
  'while',
  'true',
  'false',
  'export',
  'alias',
  'sleep',
  'seq',
  'nslookup',
  'ping',
  'base64',
  'cut',
  'tr',
  '192.168.49.2:30033',
  '10.96.0.1',
  'http://web:82',
  '-s',
  '-m',
  '1',
  '-v',
  '|',
  '||',
  '&&',
  ';',
  ';;',
  '&',
  '(',
  ')',
  '>',
  '>>',
  '<',
  '<<',
  '<<-',
  '2>&1',
  '2>',
  '/dev/null',
  "'",
  '"',
  '`',
  '\\',
  '$',
  '$(',
  '${',
  '}',
  '$?',
  '$HOME',
  '#',
  '*',
  '?',
  '[',
  '\n',
  'EOF',
  ' ',
  '\t',
  '-',
  '--',
  '=',
  'X=1',
  '{print $1}',
];

describe('shell fuzz', () => {
  it('answers every line, however malformed, with an exit code and never throws', async () => {
    const cluster = createCluster({ seed: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(' ')),
          fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join('')),
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
        ),
        async (line) => {
          const result = await cluster.exec(line);
          expect(typeof result.stdout).toBe('string');
          expect(typeof result.stderr).toBe('string');
          expect(Number.isInteger(result.exitCode)).toBe(true);
          expect(result.stderr).not.toMatch(/^internal error/m);
        },
      ),
      { numRuns: 3000, seed: 42 },
    );
  }, 120_000);

  it('completes any prefix of any line without throwing', () => {
    const cluster = createCluster({ seed: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((p) => p.join(' ')),
        fc.nat(),
        (line, at) => {
          const completion = cluster.complete(line, at % (line.length + 1));
          expect(completion.from).toBeGreaterThanOrEqual(0);
          expect(Array.isArray(completion.items)).toBe(true);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
