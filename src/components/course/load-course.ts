/** The course as the pages see it: the content collection, assembled once per build. */
import { getCollection } from 'astro:content';
import { assembleCourse, type CourseOutline } from './course-outline.ts';

let course: Promise<CourseOutline> | undefined;

export function loadCourse(): Promise<CourseOutline> {
  course ??= getCollection('lessons').then((entries) =>
    assembleCourse(entries, { includeDrafts: import.meta.env.DEV }),
  );
  return course;
}
