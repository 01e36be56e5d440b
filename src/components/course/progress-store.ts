/**
 * The learner's progress as the pages show it. Kept in localStorage for now; grading will move it to
 * the server (`GET /api/progress`) behind this same interface, which is why reads are async.
 */
export interface ExerciseResult {
  passed: boolean;
  at: number;
}

export interface Progress {
  exercises: Record<string, ExerciseResult>;
  visited: Record<string, number>;
}

const key = 'kube101:progress';
export const progressChangedEvent = 'kube101:progress';

function load(storage: Storage): Progress {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? '{}') as Partial<Progress>;
    return { exercises: parsed.exercises ?? {}, visited: parsed.visited ?? {} };
  } catch {
    return { exercises: {}, visited: {} };
  }
}

function save(storage: Storage, progress: Progress): void {
  storage.setItem(key, JSON.stringify(progress));
  globalThis.dispatchEvent?.(new CustomEvent(progressChangedEvent));
}

export async function readProgress(storage: Storage = localStorage): Promise<Progress> {
  return load(storage);
}

export async function markLessonVisited(slug: string, storage: Storage = localStorage): Promise<void> {
  const progress = load(storage);
  if (progress.visited[slug]) return;
  progress.visited[slug] = Date.now();
  save(storage, progress);
}

export async function recordExerciseResult(
  id: string,
  passed: boolean,
  storage: Storage = localStorage,
): Promise<void> {
  const progress = load(storage);
  // A pass is kept: a later failed attempt does not undo what the learner already showed.
  if (progress.exercises[id]?.passed && !passed) return;
  progress.exercises[id] = { passed, at: Date.now() };
  save(storage, progress);
}

export type LessonStatus = 'not-started' | 'visited' | 'in-progress' | 'done';

/** What the outline shows for a lesson: done when every exercise passed (or visited, for none). */
export function lessonStatus(progress: Progress, slug: string, exercises: readonly string[]): LessonStatus {
  const passed = exercises.filter((id) => progress.exercises[id]?.passed).length;
  if (exercises.length > 0 && passed === exercises.length) return 'done';
  if (passed > 0) return 'in-progress';
  return progress.visited[slug] ? 'visited' : 'not-started';
}
