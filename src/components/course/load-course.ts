/** The course as the pages see it: the content collection, assembled once per build. */
import { getCollection } from 'astro:content';
import { assembleCourse, type CourseOutline } from './course-outline.ts';
import { allPageExercises } from '../exercise/exercise-catalog.ts';

let course: Promise<CourseOutline> | undefined;

export function loadCourse(): Promise<CourseOutline> {
  course ??= getCollection('lessons').then((entries) => {
    const problems = exercisesOutOfPlace(entries);
    if (problems.length > 0)
      throw new Error(`The course's exercises do not fit its lessons:\n${problems.join('\n')}`);
    return assembleCourse(entries, { includeDrafts: import.meta.env.DEV });
  });
  return course;
}

/** An exercise whose lesson does not exist, or that its lesson does not list, would never be seen. */
function exercisesOutOfPlace(entries: { id: string; data: { exercises: string[] } }[]): string[] {
  const lessons = new Map(entries.map((entry) => [entry.id, entry.data.exercises]));
  return allPageExercises().flatMap((exercise) => {
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
