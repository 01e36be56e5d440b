/** The course as the pages see it: the content collection, assembled once per build. */
import { getCollection } from 'astro:content';
import { assembleCourse, exercisesOutOfPlace, type CourseOutline } from '../../course/course-outline.ts';
import { allPageExercises } from '../../course/course-exercises.ts';

let course: Promise<CourseOutline> | undefined;

export function loadCourse(): Promise<CourseOutline> {
  course ??= getCollection('lessons').then((entries) => {
    const problems = exercisesOutOfPlace(entries, allPageExercises());
    if (problems.length > 0)
      throw new Error(`The course's exercises do not fit its lessons:\n${problems.join('\n')}`);
    return assembleCourse(entries, { includeDrafts: import.meta.env.DEV });
  });
  return course;
}
