/**
 * The course's exercises, read from their files and checked as a whole (ids unique), sorted by
 * lesson and order. Where the files come from is the caller's business: bundled at build time for
 * the site and the server (`course-exercises.ts`), read from disk for the authoring commands.
 */
import { ExerciseError, parseExercise, type Exercise } from '../grading/index.ts';

export interface ExerciseFile {
  /** Path from the project root, for messages. */
  path: string;
  text: string;
}

export function buildCatalog(files: readonly ExerciseFile[]): Exercise[] {
  const exercises = files.map((file) => parseExercise(file.text, file.path));
  const seen = new Map<string, string>();
  exercises.forEach((exercise, i) => {
    const path = files[i]?.path ?? '';
    const previous = seen.get(exercise.id);
    if (previous)
      throw new ExerciseError(`${path}: exercise id "${exercise.id}" is already used by ${previous}`);
    seen.set(exercise.id, path);
  });
  return exercises.sort(
    (a, b) => a.lesson.localeCompare(b.lesson) || a.order - b.order || a.id.localeCompare(b.id),
  );
}
