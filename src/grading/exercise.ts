/**
 * The exercise format a teacher writes (content/exercises/*.yaml), as a strict, described schema:
 * a broken exercise fails the build and the tests with the field that is wrong.
 */
import { z } from 'zod';
import { checkSchema } from './checks/index.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

/** One thing a learner (or a teacher's setup) does: a shell line, or a file saved in the editor. */
export const stepSchema = z.union([
  z
    .object({
      run: z.string().min(1).describe('A shell line, as typed in the terminal (heredocs included).'),
    })
    .strict(),
  z
    .object({
      write: z.string().min(1).describe('A file path in the workstation, relative to the home directory.'),
      content: z.string().describe('The whole file, as saved from the editor.'),
    })
    .strict(),
]);

export const taskSchema = z
  .object({
    id: slug.describe('Stable id of the task, unique in the exercise.'),
    title: z.string().min(1).describe('What to do, as the checklist shows it (Markdown inline).'),
    check: z
      .union([
        checkSchema,
        z.array(checkSchema).min(1),
        z
          .object({ anyOf: z.array(checkSchema).min(2).describe('Passes when one of these passes.') })
          .strict(),
      ])
      .describe(
        'What must hold: one check, a list that must all pass, or `anyOf` a list of which one must pass.',
      ),
    hints: z
      .array(z.string())
      .default([])
      .describe('Hints shown one at a time, from gentle to nearly the answer.'),
    success: z
      .string()
      .optional()
      .describe("Shown when the task passes, instead of the check's own message."),
    messages: z
      .record(z.string(), z.string())
      .default({})
      .describe(
        "Messages for failure codes (`missing`, `selector-mismatch`...) instead of the check's own; `{name}` inserts a value.",
      ),
  })
  .strict();

export const attemptSchema = z
  .object({
    name: z.string().min(1).describe('What this attempt does, for the test report.'),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export const wrongAttemptSchema = attemptSchema
  .extend({
    fails: z
      .object({
        task: slug.describe('The task this attempt must fail.'),
        message: z.string().describe("Text the learner must see in that task's message."),
      })
      .strict(),
  })
  .strict();

export const exerciseSchema = z
  .object({
    id: slug.describe('Stable id, used in URLs and stored progress: never rename a published exercise.'),
    title: z.string().min(1),
    lesson: slug.describe('The lesson (content/lessons/<slug>.mdx) the exercise belongs to.'),
    order: z.number().int().default(0).describe("Position among the lesson's exercises."),
    seed: z
      .number()
      .int()
      .describe('Seeds the simulated cluster: the same for every learner and for the grader.'),
    namespace: z.string().default('default').describe('The namespace the checks look in.'),
    intro: z
      .string()
      .default('')
      .describe('What the exercise is about, shown above the checklist (Markdown).'),
    setup: z
      .array(stepSchema)
      .default([])
      .describe('Run before the learner starts; pods it creates are Running when they arrive.'),
    files: z
      .array(z.object({ path: z.string().min(1), content: z.string() }).strict())
      .default([])
      .describe('Files the editor opens with.'),
    tasks: z.array(taskSchema).min(1),
    solutions: z
      .array(attemptSchema)
      .min(1)
      .describe('Correct ways to do it; the tests prove that each passes.'),
    wrong: z
      .array(wrongAttemptSchema)
      .default([])
      .describe('Known mistakes; the tests prove each fails with its message.'),
  })
  .strict()
  .superRefine((exercise, context) => {
    const ids = new Set<string>();
    for (const task of exercise.tasks) {
      if (ids.has(task.id))
        context.addIssue({ code: 'custom', message: `task id "${task.id}" appears twice`, path: ['tasks'] });
      ids.add(task.id);
    }
    exercise.wrong.forEach((attempt, i) => {
      if (!ids.has(attempt.fails.task)) {
        context.addIssue({
          code: 'custom',
          message: `no task "${attempt.fails.task}"`,
          path: ['wrong', i, 'fails', 'task'],
        });
      }
    });
  });

export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseInput = z.input<typeof exerciseSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Step = z.infer<typeof stepSchema>;

/** Every check a task names, whether one, a list or `anyOf`. */
export function taskChecks(check: Task['check']): z.infer<typeof checkSchema>[] {
  if (Array.isArray(check)) return check;
  return 'anyOf' in check ? check.anyOf : [check];
}
