/**
 * The lessons in content/lessons read from disk as the learner meets them: frontmatter, then the
 * body's parts in page order (files the editors fill, commands, the output the text says they
 * print, exercises, diagrams). For the authoring command and the tests; the site renders the same
 * files through Astro.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parse as parseYaml } from 'yaml';
import { lessonSchema, type LessonData } from '../course/lesson-schema.ts';
import { lessonSlug } from '../course/lesson-slug.ts';
import { runnableCommands } from '../course/runnable-commands.ts';

export const LESSONS_DIR = join(import.meta.dirname, '..', '..', 'content', 'lessons');

/** One part of a lesson's body, with the line it starts on in the .mdx file. */
export type LessonPart =
  | { kind: 'file'; line: number; path: string; content: string }
  | { kind: 'commands'; line: number; commands: string[]; output?: { line: number; text: string } }
  /** A shell block the terminal cannot run: a template with `<placeholders>`, or a typo. */
  | { kind: 'not-runnable'; line: number; text: string }
  | { kind: 'exercise'; line: number; id: string }
  | { kind: 'diagram'; line: number; name: string }
  | { kind: 'component'; line: number; name: string };

export interface LessonFile {
  slug: string;
  /** Path from the project root, for messages. */
  path: string;
  data: LessonData;
  parts: LessonPart[];
}

const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'console']);
const OUTPUT_LANGS = new Set(['text', 'txt', 'output']);

export function loadLessonsFromDisk(dir: string = LESSONS_DIR): LessonFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => parseLesson(join('content/lessons', name), readFileSync(join(dir, name), 'utf8')));
}

export function slugOf(fileName: string): string {
  return lessonSlug(fileName.replace(/^.*\//, ''));
}

export function parseLesson(path: string, source: string): LessonFile {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) throw new Error(`${path}: no frontmatter between --- lines`);
  const data = lessonSchema.safeParse(parseYaml(match[1]!));
  if (!data.success) {
    const problems = data.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`${path}: ${problems.join('; ')}`);
  }
  const bodyOffset = match[0].split('\n').length - 1;
  const tree = fromMarkdown(source.slice(match[0].length), {
    extensions: [mdxjs()],
    mdastExtensions: [mdxFromMarkdown()],
  });
  const parts: LessonPart[] = [];
  walk(tree as Node, bodyOffset, parts, undefined);
  return { slug: slugOf(path), path, data: data.data, parts };
}

interface Node {
  type: string;
  lang?: string | null;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** `previous` is the node just before this one at the same level: output must follow its command block. */
function walk(node: Node, offset: number, parts: LessonPart[], previous: Node | undefined): void {
  const line = (node.position?.start.line ?? 0) + offset;
  if (node.type === 'code') {
    addCode(node, line, parts, previous?.type === 'code' ? previous : undefined);
    return;
  }
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
    const attribute = (name: string): string | undefined => {
      const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
      return typeof found?.value === 'string' ? found.value : undefined;
    };
    if (node.name === 'YamlEditor') {
      const block = node.children?.find((child) => child.type === 'code');
      parts.push({ kind: 'file', line, path: attribute('file') ?? '', content: block?.value ?? '' });
      return;
    }
    if (node.name === 'Exercise') parts.push({ kind: 'exercise', line, id: attribute('id') ?? '' });
    else if (node.name === 'Diagram') parts.push({ kind: 'diagram', line, name: attribute('name') ?? '' });
    else parts.push({ kind: 'component', line, name: node.name });
  }
  let before: Node | undefined;
  for (const child of node.children ?? []) {
    walk(child, offset, parts, before);
    before = child;
  }
}

function addCode(node: Node, line: number, parts: LessonPart[], codeBefore: Node | undefined): void {
  const lang = node.lang ?? '';
  const text = node.value ?? '';
  const previous = parts.at(-1);
  if (OUTPUT_LANGS.has(lang)) {
    // Output belongs to the command block right before it, with no prose between.
    if (codeBefore && previous?.kind === 'commands' && !previous.output) previous.output = { line, text };
    return;
  }
  if (!SHELL_LANGS.has(lang)) return;
  const commands = runnableCommands(text);
  parts.push(
    commands.length > 0 ? { kind: 'commands', line, commands } : { kind: 'not-runnable', line, text },
  );
}
