import { describe, expect, it } from 'vitest';
import { describeVerdict, readSubmissionAnswer } from '../../../src/components/exercise/exercise-verdict.ts';
import { activeExercise, setActiveExercise } from '../../../src/components/exercise/active-exercise.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

const answer = {
  id: 'f3c1',
  exerciseId: 'nodeport-30033',
  passed: false,
  score: 60,
  checks: [
    { id: 'service', passed: true, message: 'Service `web` is of type NodePort.' },
    { id: 'ports', passed: false, message: 'the app in the pods listens on 300' },
    { id: 'listed', passed: true, message: 'ok', code: 'ok' },
  ],
};

describe("the server's verdict", () => {
  it('is read with each task and its message', () => {
    expect(readSubmissionAnswer(201, answer)).toEqual({
      exerciseId: 'nodeport-30033',
      passed: false,
      score: 60,
      checks: [
        { id: 'service', passed: true, message: 'Service `web` is of type NodePort.' },
        { id: 'ports', passed: false, message: 'the app in the pods listens on 300' },
        { id: 'listed', passed: true, message: 'ok' },
      ],
    });
  });

  it("shows the server's error message, or says that there was no verdict", () => {
    expect(
      readSubmissionAnswer(404, {
        error: { code: 'unknown-exercise', message: 'There is no exercise "x".' },
      }),
    ).toEqual({ error: 'There is no exercise "x".' });
    expect(readSubmissionAnswer(502, '<html>')).toEqual({
      error: 'The server answered 502 without a verdict. Try again in a moment.',
    });
    expect(readSubmissionAnswer(200, { ...answer, checks: [{ id: 'service' }] })).toHaveProperty('error');
  });

  it('is described for the live region', () => {
    expect(describeVerdict(readSubmissionAnswer(201, answer) as never)).toBe(
      'Not passed yet: 2 of 3 tasks hold (score 60%). Each task says what is missing.',
    );
    const passed = {
      ...answer,
      passed: true,
      score: 100,
      checks: answer.checks.map((c) => ({ ...c, passed: true })),
    };
    expect(describeVerdict(readSubmissionAnswer(201, passed) as never)).toBe(
      'Passed: the server replayed your work and every task holds (3 of 3 tasks, score 100%).',
    );
  });
});

describe('the exercise the lab works on', () => {
  it('is kept per lesson and forgotten when the lab leaves it', () => {
    const storage = memoryStorage();
    expect(activeExercise('nodeport', storage)).toBeUndefined();
    setActiveExercise('nodeport', 'nodeport-30033', storage);
    expect(activeExercise('nodeport', storage)).toBe('nodeport-30033');
    expect(activeExercise('why-services', storage)).toBeUndefined();
    setActiveExercise('nodeport', undefined, storage);
    expect(activeExercise('nodeport', storage)).toBeUndefined();
  });
});
