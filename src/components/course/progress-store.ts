/**
 * The learner's progress as the pages show it. The server's (`GET /api/progress`) is the truth; this
 * browser keeps a copy in localStorage, so that the outline shows it at once and offline, and keeps
 * the submissions it could not send, to send them when the server is back.
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
const pendingKey = 'kube101:pending-submissions';
export const progressChangedEvent = 'kube101:progress';

/** A submission the server did not receive (offline, or the server down): sent again on the next sync. */
export interface PendingSubmission {
  exerciseId: string;
  transcript: unknown[];
}

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

export function keepPendingSubmission(submission: PendingSubmission, storage: Storage = localStorage): void {
  // The latest attempt per exercise is the one worth grading.
  const others = loadPending(storage).filter((pending) => pending.exerciseId !== submission.exerciseId);
  storage.setItem(pendingKey, JSON.stringify([...others, submission]));
}

function loadPending(storage: Storage): PendingSubmission[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(pendingKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingSubmission[]) : [];
  } catch {
    return [];
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

let sync: Promise<Progress> | undefined;

/**
 * Once per page: sends the submissions kept while offline, then takes the server's progress as this
 * browser's (a restore or a deletion made in another browser shows here too). Offline, the copy
 * kept here stands.
 */
export function syncProgress(): Promise<Progress> {
  sync ??= syncProgressWith(localStorage, (input, init) => fetch(input, init));
  return sync;
}

/** Syncs again now: the learner changed on this page (a restore code was redeemed). */
export function resyncProgress(): Promise<Progress> {
  sync = undefined;
  return syncProgress();
}

export async function syncProgressWith(storage: Storage, fetcher: Fetch): Promise<Progress> {
  try {
    await sendPending(storage, fetcher);
    const response = await fetcher('/api/progress');
    if (!response.ok) return load(storage);
    const body = (await response.json()) as { progress?: unknown };
    if (!Array.isArray(body.progress)) return load(storage);
    const progress = load(storage);
    progress.exercises = {};
    for (const row of body.progress as { exerciseId?: unknown; passed?: unknown; bestAt?: unknown }[]) {
      if (typeof row.exerciseId !== 'string' || typeof row.passed !== 'boolean') continue;
      progress.exercises[row.exerciseId] = {
        passed: row.passed,
        at: Date.parse(String(row.bestAt)) || Date.now(),
      };
    }
    save(storage, progress);
    return progress;
  } catch {
    return load(storage);
  }
}

async function sendPending(storage: Storage, fetcher: Fetch): Promise<void> {
  for (const pending of loadPending(storage)) {
    const response = await fetcher('/api/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(pending),
    });
    // Kept for later when the server is down or busy; dropped when it has graded it or refused it for good.
    if (response.status >= 500 || response.status === 429) return;
    const rest = loadPending(storage).filter(
      (other) => other !== pending && other.exerciseId !== pending.exerciseId,
    );
    storage.setItem(pendingKey, JSON.stringify(rest));
  }
}

/** Forgets this browser's copy of the progress (after the learner deleted it on the server). */
export function forgetLocalProgress(storage: Storage = localStorage): void {
  storage.removeItem(key);
  storage.removeItem(pendingKey);
  globalThis.dispatchEvent?.(new CustomEvent(progressChangedEvent));
}
