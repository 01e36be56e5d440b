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

/**
 * The order a question's choices are shown in: fixed for a question (the same on every build and
 * for every learner), but not the order they are written in, where authors tend to put the right
 * answer first.
 */
export function displayOrder(question: string, choices: readonly string[]): number[] {
  const rank = (text: string): number => {
    // FNV-1a over the question and the choice: a stable, well-spread number.
    let hash = 0x811c9dc5;
    for (const char of `${question}\u0000${text}`)
      hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
    return hash;
  };
  return choices
    .map((text, index) => ({ index, rank: rank(text) }))
    .sort((a, b) => a.rank - b.rank)
    .map((c) => c.index);
}
