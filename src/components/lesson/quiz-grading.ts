/**
 * Grading a quiz in the page: which choices each question explains once the learner checks, and
 * the score. A question left unanswered is pointed out rather than counted wrong silently.
 */
export interface QuizAnswer {
  /** Index of the choice the learner picked, -1 when none. */
  chosen: number;
  correct: number;
}

export interface QuizResult {
  questions: { right: boolean; explain: number[] }[];
  summary: string;
}

export function gradeQuiz(answers: readonly QuizAnswer[]): QuizResult {
  const questions = answers.map(({ chosen, correct }) => ({
    right: chosen === correct,
    // The learner's own choice is explained; when it is wrong, so is the right one.
    explain: chosen === -1 ? [] : chosen === correct ? [chosen] : [chosen, correct],
  }));
  const right = questions.filter((question) => question.right).length;
  const unanswered = answers.filter((answer) => answer.chosen === -1).length;
  const summary =
    `${right} of ${answers.length} right.` +
    (unanswered > 0 ? ` ${unanswered} not answered yet.` : right === answers.length ? ' Well done.' : '');
  return { questions, summary };
}
