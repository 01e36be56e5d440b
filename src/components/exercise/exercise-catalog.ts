// The course's exercises as lesson pages render them, bundled at build time from content/exercises
// like the server's catalog, and stripped of solutions and wrong attempts before reaching a page.
import { buildCatalog } from '../../grading/index.ts';
import { toPageExercise, type PageExercise } from './page-exercise.ts';

const files = import.meta.glob<string>('../../../content/exercises/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let catalog: Map<string, PageExercise> | undefined;

function pageCatalog(): Map<string, PageExercise> {
  catalog ??= new Map(
    buildCatalog(
      Object.entries(files).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text })),
    ).map((exercise) => [exercise.id, toPageExercise(exercise)]),
  );
  return catalog;
}

export function allPageExercises(): PageExercise[] {
  return [...pageCatalog().values()];
}

export function pageExercise(id: string): PageExercise {
  const exercise = pageCatalog().get(id);
  if (!exercise) throw new Error(`no exercise "${id}" in content/exercises (named in a lesson's exercises)`);
  return exercise;
}
