// Comments belong to lessons of the course: a slug that names no lesson gets a 404 before any write.
import { loadCourse } from '../../../components/course/load-course.ts';
import { ApiError } from '../../../server/http/api-error.ts';
import { errorResponse } from '../../../server/http/json.ts';

export async function unknownLessonResponse(slug: string | undefined): Promise<Response | undefined> {
  const course = await loadCourse();
  if (course.lessons.some((lesson) => lesson.slug === slug)) return undefined;
  return errorResponse(new ApiError(404, 'lesson_not_found', 'There is no lesson with that name.'));
}
