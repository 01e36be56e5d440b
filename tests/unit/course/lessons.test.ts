/**
 * The course as a learner follows it: its lessons in order, every command a lesson shows runs in
 * the simulator and prints what the lesson says (and ends the same way on other seeds and for a slow reader), every
 * exercise sits in its lesson, and every diagram can be read in both themes and without sight.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercisesFromDisk } from '../../../src/cli/exercise-files.ts';
import { loadLessonsFromDisk } from '../../../src/cli/lesson-files.ts';
import { DIAGRAMS_DIR, outputProblems, structureProblems } from '../../../src/cli/lesson-check.ts';
import { replayProblems } from '../../../src/cli/lesson-replays.ts';
import { diagramProblems } from '../../../src/components/lesson/diagram-svg.ts';

const COURSE = [
  'why-services',
  'labels-and-selectors',
  'three-ports',
  'named-ports',
  'clusterip',
  'nodeport',
  'loadbalancer',
  'creating-services',
  'troubleshooting',
  'not-ready',
  'more-service-api',
  'final-project',
];

const lessons = loadLessonsFromDisk();
const exercises = loadExercisesFromDisk();

describe('the course', () => {
  it('has its twelve lessons, in order', () => {
    const ordered = [...lessons].sort((a, b) => a.data.order - b.data.order);
    expect(ordered.map((lesson) => lesson.slug)).toEqual(COURSE);
    expect(ordered.map((lesson) => lesson.data.order)).toEqual(COURSE.map((_, index) => index + 1));
  });

  it('places every exercise in the lesson it names', () => {
    const slugs = new Set(lessons.map((lesson) => lesson.slug));
    expect(exercises.filter((e) => !slugs.has(e.lesson)).map((e) => `${e.id} → ${e.lesson}`)).toEqual([]);
  });
});

describe.each(lessons.map((lesson) => [lesson.slug, lesson] as const))('%s', (_slug, lesson) => {
  it('has its exercises each once, in order, and only shell blocks the terminal runs', () => {
    expect(structureProblems(lesson, exercises)).toEqual([]);
  });

  it('prints what it says when every command block is run in order', async () => {
    expect(await outputProblems(lesson)).toEqual([]);
  }, 60_000);

  it('holds on two other seeds and for a slow reader: no command depends on its seed or on haste', async () => {
    expect(await replayProblems(lesson)).toEqual([]);
  }, 60_000);

  it('gives the learner a picture, commands to run and a quiz', () => {
    expect(lesson.parts.some((part) => part.kind === 'diagram')).toBe(true);
    expect(lesson.parts.filter((part) => part.kind === 'commands').length).toBeGreaterThanOrEqual(3);
    expect(lesson.data.quiz.length).toBeGreaterThanOrEqual(3);
  });
});

const diagrams = readdirSync(DIAGRAMS_DIR).filter((name) => name.endsWith('.svg'));

describe.each(diagrams)('diagram %s', (name) => {
  it('takes its colours from the theme and describes itself', () => {
    expect(diagramProblems(readFileSync(join(DIAGRAMS_DIR, name), 'utf8'))).toEqual([]);
  });

  it('is used by a lesson', () => {
    const users = lessons.filter((lesson) =>
      lesson.parts.some((part) => part.kind === 'diagram' && `${part.name}.svg` === name),
    );
    expect(users.length).toBeGreaterThan(0);
  });
});
