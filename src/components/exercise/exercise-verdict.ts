/**
 * The server's answers about exercises, checked before the page trusts them: a submission's verdict
 * (POST /api/submissions).
 */
export interface CheckVerdict {
  id: string;
  passed: boolean;
  message: string;
}

export interface Verdict {
  exerciseId: string;
  passed: boolean;
  score: number;
  checks: CheckVerdict[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A verdict, or the error message to show (the server's own when it sent one). */
export function readSubmissionAnswer(status: number, body: unknown): Verdict | { error: string } {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string')
    return { error: body.error.message };
  if (
    status >= 200 &&
    status < 300 &&
    isRecord(body) &&
    typeof body.exerciseId === 'string' &&
    typeof body.passed === 'boolean' &&
    typeof body.score === 'number' &&
    Array.isArray(body.checks) &&
    body.checks.every(
      (check: unknown) =>
        isRecord(check) &&
        typeof check.id === 'string' &&
        typeof check.passed === 'boolean' &&
        typeof check.message === 'string',
    )
  ) {
    return {
      exerciseId: body.exerciseId,
      passed: body.passed,
      score: body.score,
      checks: (body.checks as CheckVerdict[]).map(({ id, passed, message }) => ({ id, passed, message })),
    };
  }
  return { error: `The server answered ${status} without a verdict. Try again in a moment.` };
}

/** What the checklist's live region says of a verdict. */
export function describeVerdict(verdict: Verdict): string {
  const passedTasks = verdict.checks.filter((check) => check.passed).length;
  const tasks = `${passedTasks} of ${verdict.checks.length} tasks`;
  return verdict.passed
    ? `Passed: the server replayed your work and every task holds (${tasks}, score ${verdict.score}%).`
    : `Not passed yet: ${tasks} hold (score ${verdict.score}%). Each task says what is missing.`;
}
