/**
 * A lesson's slug from its file's path under content/lessons: `01-why-services.mdx` is served as
 * /lessons/why-services/, the number only sorts the folder.
 */
export function lessonSlug(pathInLessons: string): string {
  return pathInLessons.replace(/\.mdx$/, '').replace(/(^|\/)\d+-/g, '$1');
}
