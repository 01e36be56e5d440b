/**
 * Assembles the course from the lesson entries: ordered, drafts left out of production, every lesson
 * with its neighbours. The one place that decides what the course is, used by every page.
 */
export interface LessonEntryLike {
  id: string;
  data: { title: string; description: string; order: number; exercises: string[]; draft: boolean };
}

export interface OutlineLesson {
  slug: string;
  href: string;
  title: string;
  description: string;
  order: number;
  exercises: string[];
}

export interface CourseOutline {
  lessons: OutlineLesson[];
  /** The lesson before and after `slug`, if any. */
  neighbours(slug: string): { previous?: OutlineLesson; next?: OutlineLesson };
}

export function lessonHref(slug: string): string {
  return `/lessons/${slug}/`;
}

export function assembleCourse(
  entries: LessonEntryLike[],
  options: { includeDrafts: boolean },
): CourseOutline {
  const visible = entries.filter((entry) => options.includeDrafts || !entry.data.draft);
  const byOrder = new Map<number, string>();
  for (const entry of visible) {
    const clash = byOrder.get(entry.data.order);
    if (clash) {
      throw new Error(
        `Lessons "${clash}" and "${entry.id}" both have order ${entry.data.order}; give each lesson its own number.`,
      );
    }
    byOrder.set(entry.data.order, entry.id);
  }
  const exerciseOwner = new Map<string, string>();
  for (const entry of visible) {
    for (const exercise of entry.data.exercises) {
      const owner = exerciseOwner.get(exercise);
      if (owner) throw new Error(`Exercise "${exercise}" is listed by both "${owner}" and "${entry.id}".`);
      exerciseOwner.set(exercise, entry.id);
    }
  }
  const lessons = visible
    .toSorted((a, b) => a.data.order - b.data.order)
    .map((entry): OutlineLesson => ({
      slug: entry.id,
      href: lessonHref(entry.id),
      title: entry.data.title,
      description: entry.data.description,
      order: entry.data.order,
      exercises: entry.data.exercises,
    }));
  return {
    lessons,
    neighbours(slug) {
      const index = lessons.findIndex((lesson) => lesson.slug === slug);
      if (index < 0) return {};
      return { previous: lessons[index - 1], next: lessons[index + 1] };
    },
  };
}

/**
 * Exercises that no learner would see: those naming a lesson that does not exist, and those their
 * lesson does not list. Drafts count as lessons here: a draft's exercises wait with it.
 */
export function exercisesOutOfPlace(
  entries: readonly Pick<LessonEntryLike, 'id' | 'data'>[],
  exercises: readonly { id: string; lesson: string }[],
): string[] {
  const lessons = new Map(entries.map((entry) => [entry.id, entry.data.exercises]));
  return exercises.flatMap((exercise) => {
    const listed = lessons.get(exercise.lesson);
    if (!listed)
      return [`content/exercises: "${exercise.id}" names lesson "${exercise.lesson}", which does not exist`];
    if (!listed.includes(exercise.id)) {
      return [
        `content/lessons: lesson "${exercise.lesson}" does not list exercise "${exercise.id}" in its exercises`,
      ];
    }
    return [];
  });
}
