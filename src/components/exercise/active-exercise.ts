/**
 * Which exercise the lesson's lab is working on, kept per lesson so that a reload resumes it. The
 * lab itself keeps the cluster and the transcript; this is only the exercise's id.
 */
function key(lessonSlug: string): string {
  return `kube101:exercise:${lessonSlug}`;
}

export function activeExercise(lessonSlug: string, storage: Storage): string | undefined {
  const value = storage.getItem(key(lessonSlug));
  return value === null || value === '' ? undefined : value;
}

export function setActiveExercise(lessonSlug: string, id: string | undefined, storage: Storage): void {
  try {
    if (id) storage.setItem(key(lessonSlug), id);
    else storage.removeItem(key(lessonSlug));
  } catch {
    // Storage denied: the exercise still works until the page is reloaded.
  }
}
