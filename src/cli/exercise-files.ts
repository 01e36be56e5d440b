/** The exercises in content/exercises, read from disk (for the authoring command and the tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../course/exercise-catalog.ts';
import type { Exercise } from '../grading/index.ts';

export const EXERCISES_DIR = join(import.meta.dirname, '..', '..', 'content', 'exercises');

export function loadExercisesFromDisk(dir: string = EXERCISES_DIR): Exercise[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => ({ path: join('content/exercises', name), text: readFileSync(join(dir, name), 'utf8') }));
  return buildCatalog(files);
}
