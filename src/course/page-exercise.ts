/**
 * What a lesson page needs of an exercise: everything but its reference solutions and known-wrong
 * attempts, which stay on the server (a learner could read them in the page's source).
 */
import type { Exercise } from '../grading/index.ts';

export type PageExercise = Omit<Exercise, 'solutions' | 'wrong'>;

export function toPageExercise(exercise: Exercise): PageExercise {
  const { solutions: _solutions, wrong: _wrong, ...page } = exercise;
  return page;
}

/** The grader's Exercise type, for a page exercise: the grader reads neither solutions nor wrong attempts. */
export function asGradable(exercise: PageExercise): Exercise {
  return { ...exercise, solutions: [], wrong: [] };
}
