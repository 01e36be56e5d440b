/** A malformed transcript is refused with the field as the learner's page wrote it. */
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/server/grading/grade-submission.ts';

function refusal(value: unknown): string {
  try {
    readTranscript(value);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the transcript was accepted');
}

describe('readTranscript', () => {
  it('names a missing field of a step as transcript[N].field', () => {
    expect(refusal([{ type: 'exec', line: 'ls' }, { type: 'exec' }])).toMatch(/^transcript\[1\]\.line: /);
  });

  it('names the step itself as transcript[N] when the step is wrong as a whole', () => {
    expect(refusal([{ type: 'exec', line: 'ls', extra: 1 }])).toMatch(/^transcript\[0\]: /);
  });

  it('says what a transcript is when it is not a list', () => {
    expect(refusal('ls')).toMatch(/^`transcript` must be an array/);
  });
});
