/** The frontmatter every lesson must have (content/lessons/*.mdx); each field says what it is for. */
import { z } from 'zod';

const exerciseId = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'an exercise id is lowercase words joined by dashes, e.g. "create-nodeport"',
  );

const quizChoice = z
  .object({
    text: z
      .string()
      .min(1)
      .describe('The answer as the learner reads it (inline Markdown: `code`, **bold**).'),
    correct: z.boolean().default(false).describe('True on the one right answer of the question.'),
    why: z
      .string()
      .min(10)
      .describe('Shown once the learner answers: why this choice is right, or what it gets wrong.'),
  })
  .strict();

const quizQuestion = z
  .object({
    question: z.string().min(10).describe('The question (inline Markdown).'),
    choices: z
      .array(quizChoice)
      .min(3)
      .max(5)
      .refine((choices) => choices.filter((choice) => choice.correct).length === 1, {
        message: 'a question has exactly one choice with `correct: true`',
      })
      .describe('Three to five answers, one of them correct, each with its explanation.'),
  })
  .strict();

export type QuizQuestion = z.infer<typeof quizQuestion>;

export const lessonSchema = z
  .object({
    title: z
      .string()
      .min(3)
      .max(80)
      .describe('Shown as the page heading, in the outline and in search results.'),
    description: z
      .string()
      .min(10)
      .max(200)
      .describe(
        'One sentence on what the learner will be able to do; the meta description and outline blurb.',
      ),
    order: z
      .number()
      .int()
      .positive()
      .describe('Position in the course, 1 first; two lessons may not share a number.'),
    exercises: z
      .array(exerciseId)
      .default([])
      .describe('Ids of the exercises (content/exercises) this lesson holds, in the order they appear.'),
    seed: z
      .number()
      .int()
      .nonnegative()
      .default(1)
      .describe("Seed of the lesson's simulated cluster: names, IPs and node ports follow from it."),
    setup: z
      .array(z.string().min(1))
      .default([])
      .describe('Shell lines run on a fresh cluster before the learner starts (and after Reset).'),
    quiz: z
      .array(quizQuestion)
      .max(8)
      .default([])
      .describe('Check-your-understanding questions shown at the end of the lesson, graded in the page.'),
    draft: z.boolean().default(false).describe('Drafts are built in development only.'),
  })
  .strict();

export type LessonData = z.infer<typeof lessonSchema>;
