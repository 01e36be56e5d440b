/**
 * What must hold of every lesson for a learner: the commands it shows run and print what it says,
 * its exercises are the ones that name it, each placed once in the text, and its diagrams exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '../grading/index.ts';
import type { LessonFile } from './lesson-files.ts';
import { sameOutput, walkLesson } from './lesson-walk.ts';

export const DIAGRAMS_DIR = join(import.meta.dirname, '..', '..', 'content', 'diagrams');

/** Problems with the lesson's structure, each as `file:line: what is wrong`. */
export function structureProblems(
  lesson: LessonFile,
  exercises: readonly Exercise[],
  diagramsDir: string = DIAGRAMS_DIR,
): string[] {
  const problems: string[] = [];
  const at = (line: number, text: string): void => {
    problems.push(`${lesson.path}:${line}: ${text}`);
  };
  const placed = lesson.parts.flatMap((part) => (part.kind === 'exercise' ? [part] : []));
  const own = exercises
    .filter((exercise) => exercise.lesson === lesson.slug)
    .sort((a, b) => a.order - b.order)
    .map((exercise) => exercise.id);
  if (lesson.data.exercises.join() !== own.join()) {
    at(
      1,
      `frontmatter exercises [${lesson.data.exercises.join(', ')}] should be [${own.join(', ')}]: the exercises whose lesson is "${lesson.slug}", by order`,
    );
  }
  if (placed.map((part) => part.id).join() !== own.join()) {
    at(
      placed[0]?.line ?? 1,
      `<Exercise id> in the text [${placed.map((part) => part.id).join(', ')}] should be [${own.join(', ')}], each once, in that order`,
    );
  }
  const editorFiles = new Map<string, number>();
  for (const part of lesson.parts) {
    if (part.kind === 'file' && !editorFiles.has(part.path)) editorFiles.set(part.path, part.line);
  }
  for (const part of lesson.parts) {
    if (part.kind === 'not-runnable' && !/<[a-z-]+>/i.test(part.text)) {
      at(
        part.line,
        `a shell block the terminal cannot run: ${JSON.stringify(part.text.split('\n')[0])} (only commands the terminal knows, or a template with <placeholders>)`,
      );
    }
    if (part.kind === 'diagram' && !existsSync(join(diagramsDir, `${part.name}.svg`))) {
      at(part.line, `<Diagram name="${part.name}"> but content/diagrams/${part.name}.svg does not exist`);
    }
    if (part.kind === 'file' && editorFiles.get(part.path) !== part.line) {
      // The page opens an editor on what the file holds: a second one would show the first's content.
      at(part.line, `a second <YamlEditor file="${part.path}">: give each editor a file of its own`);
    }
    if (part.kind === 'file' && !/^[\w.-]+\.ya?ml$/.test(part.path)) {
      at(part.line, `<YamlEditor file="${part.path}">: give a file name such as web-service.yaml`);
    }
  }
  return problems;
}

/** Command blocks whose printed output differs from the output the lesson shows after them. */
export async function outputProblems(lesson: LessonFile): Promise<string[]> {
  const runs = await walkLesson(lesson);
  return runs
    .filter((run) => run.shown && !sameOutput(run.printed, run.shown.text))
    .map(
      (run) =>
        `${lesson.path}:${run.shown!.line}: after \`${run.commands.join(' && ')}\` the lesson shows\n${indent(run.shown!.text)}\nbut the terminal prints\n${indent(run.printed)}`,
    );
}

/** Output quoted under a message, so that where it starts and ends can be seen. */
export function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}
