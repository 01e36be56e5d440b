/**
 * The course's exercises as a whole: every lesson has its graded exercises, in a known order,
 * and every exercise gives a learner hints, more than one way in and known mistakes to learn from.
 */
import { describe, expect, it } from 'vitest';
import { loadExercisesFromDisk } from '../../../src/cli/exercise-files.ts';
import { taskChecks, type Exercise } from '../../../src/grading/index.ts';

/** The lessons in course order, with the least number of exercises each must have. */
const LESSONS: readonly [slug: string, minimum: number][] = [
  ['why-services', 2],
  ['labels-and-selectors', 2],
  ['three-ports', 2],
  ['named-ports', 3],
  ['clusterip', 2],
  ['nodeport', 3],
  ['loadbalancer', 2],
  ['creating-services', 3],
  ['troubleshooting', 3],
  ['not-ready', 2],
  ['more-service-api', 1],
  ['final-project', 2],
];

const exercises = loadExercisesFromDisk();
const inLesson = (slug: string): Exercise[] => exercises.filter((e) => e.lesson === slug);

describe('the course', () => {
  it('has at least 26 exercises, each in one of the lessons', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(26);
    const slugs = LESSONS.map(([slug]) => slug);
    expect(exercises.filter((e) => !slugs.includes(e.lesson)).map((e) => `${e.id}: ${e.lesson}`)).toEqual([]);
  });

  for (const [slug, minimum] of LESSONS) {
    it(`${slug}: at least ${minimum} exercises, each with its own place in the lesson`, () => {
      const lesson = inLesson(slug);
      expect(lesson.length).toBeGreaterThanOrEqual(minimum);
      const orders = lesson.map((e) => e.order);
      expect(new Set(orders).size).toBe(orders.length);
    });
  }

  it('keeps the running example: node port 30033 to port 82 to target port 300', () => {
    const threaded = exercises.filter((e) =>
      e.tasks.some((task) =>
        taskChecks(task.check).some(
          (check) =>
            check.type === 'service-port' &&
            check.port === 82 &&
            check.targetPort === 300 &&
            check.nodePort === 30033,
        ),
      ),
    );
    // Lessons 3, 5, 6, 7, 8 and 9 use it; lessons 1, 2 and 4 come before node ports are taught.
    expect(threaded.length).toBeGreaterThanOrEqual(8);
  });

  it('gives each exercise its own seed', () => {
    const seeds = exercises.map((e) => e.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
  it('has an intro and two or three hints on every task', () => {
    expect(exercise.intro.trim().length).toBeGreaterThan(0);
    const badlyHinted = exercise.tasks
      .filter((t) => t.hints.length < 2 || t.hints.length > 3)
      .map((t) => t.id);
    expect(badlyHinted).toEqual([]);
  });

  it('has at least two correct routes and two known mistakes', () => {
    expect(exercise.solutions.length).toBeGreaterThanOrEqual(2);
    expect(exercise.wrong.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every known mistake its own teaching message', () => {
    const expected = exercise.wrong.map((w) => `${w.fails.task}: ${w.fails.message}`);
    expect(new Set(expected).size).toBe(expected.length);
  });
});
