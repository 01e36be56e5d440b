/**
 * The course's content: lessons are MDX files in content/lessons. A lesson whose frontmatter does not
 * match this schema fails the build with the file name and the field at fault.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './course/lesson-schema.ts';
import { lessonSlug } from './course/lesson-slug.ts';

export const collections = {
  lessons: defineCollection({
    loader: glob({
      base: './content/lessons',
      pattern: '**/*.mdx',
      generateId: ({ entry }) => lessonSlug(entry),
    }),
    schema: lessonSchema,
  }),
};
