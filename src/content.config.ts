/**
 * The course's content: lessons are MDX files in content/lessons. A lesson whose frontmatter does not
 * match this schema fails the build with the file name and the field at fault.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './components/course/lesson-schema.ts';

export const collections = {
  lessons: defineCollection({
    loader: glob({
      base: './content/lessons',
      pattern: '**/*.mdx',
      // `01-why-services.mdx` is served as /lessons/why-services/: the number only sorts the folder.
      generateId: ({ entry }) => entry.replace(/\.mdx$/, '').replace(/(^|\/)\d+-/g, '$1'),
    }),
    schema: lessonSchema,
  }),
};
