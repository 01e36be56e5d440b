/**
 * The course's exercises, bundled at build time from content/exercises, so that neither the
 * prerendered pages nor the built server need the files beside them. Parsed once; a broken
 * exercise fails the build and the tests with its file and field.
 */
import type { Exercise } from '../grading/index.ts';
import { buildCatalog } from './exercise-catalog.ts';
import { toPageExercise, type PageExercise } from './page-exercise.ts';

const files = import.meta.glob<string>('../../content/exercises/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let catalog: Map<string, Exercise> | undefined;

/** Every exercise by id, with its reference solutions and known-wrong attempts (the server grades with them). */
export function exerciseCatalog(): ReadonlyMap<string, Exercise> {
  catalog ??= new Map(
    buildCatalog(
      Object.entries(files).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text })),
    ).map((exercise) => [exercise.id, exercise]),
  );
  return catalog;
}

/** What a lesson page may ship of every exercise: no solutions, no wrong attempts. */
export function allPageExercises(): PageExercise[] {
  return [...exerciseCatalog().values()].map(toPageExercise);
}

export function pageExercise(id: string): PageExercise {
  const exercise = exerciseCatalog().get(id);
  if (!exercise) throw new Error(`no exercise "${id}" in content/exercises (named in a lesson's exercises)`);
  return toPageExercise(exercise);
}
