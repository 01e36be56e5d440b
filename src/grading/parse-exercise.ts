/** Read an exercise from its YAML text, with every problem named by file, line and field. */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { exerciseSchema, type Exercise } from './exercise.ts';

export class ExerciseError extends Error {}

export function parseExercise(text: string, source: string): Exercise {
  const parsed = parseDocument(text, { prettyErrors: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    const where = first?.linePos?.[0] ? `:${first.linePos[0].line}:${first.linePos[0].col}` : '';
    throw new ExerciseError(`${source}${where}: ${first?.message.split('\n')[0] ?? 'invalid YAML'}`);
  }
  const result = exerciseSchema.safeParse(parsed.toJS());
  if (!result.success) throw new ExerciseError(`${source}: ${formatIssues(result.error)}`);
  return result.data;
}

export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
}
