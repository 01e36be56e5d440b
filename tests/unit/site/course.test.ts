import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/course/lesson-schema.ts';
import {
  assembleCourse,
  exercisesOutOfPlace,
  type LessonEntryLike,
} from '../../../src/course/course-outline.ts';
import { lessonSlug } from '../../../src/course/lesson-slug.ts';
import { lessonStatus } from '../../../src/components/course/progress-store.ts';

const valid = {
  title: 'Meet your cluster',
  description: 'Look around a small cluster with kubectl.',
  order: 1,
  exercises: ['list-nodes'],
};

describe('lesson frontmatter', () => {
  it('fills in the defaults of a minimal lesson', () => {
    expect(lessonSchema.parse(valid)).toEqual({ ...valid, seed: 1, setup: [], quiz: [], draft: false });
  });

  it('names the field at fault', () => {
    const result = lessonSchema.safeParse({
      ...valid,
      order: 0,
      exercises: ['Create NodePort'],
      titel: 'typo',
    });
    expect(result.success).toBe(false);
    const problems = result.error!.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    expect(problems).toEqual([
      'order: Too small: expected number to be >0',
      'exercises.0: an exercise id is lowercase words joined by dashes, e.g. "create-nodeport"',
      '(root): Unrecognized key: "titel"',
    ]);
  });

  it('wants exactly one right answer, and an explanation for every choice, in a quiz question', () => {
    const choices = [
      { text: '30033', correct: true, why: 'The node port is what a client outside the cluster uses.' },
      { text: '82', correct: true, why: 'The port of the Service, reachable inside the cluster.' },
      { text: '300', why: 'short' },
    ];
    const result = lessonSchema.safeParse({
      ...valid,
      quiz: [{ question: 'Which port does curl use?', choices }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'quiz.0.choices.2.why: Too small: expected string to have >=10 characters',
      'quiz.0.choices: a question has exactly one choice with `correct: true`',
    ]);
  });

  it('describes every field for authors', () => {
    for (const [name, field] of Object.entries(lessonSchema.shape)) {
      expect(field.description, name).toMatch(/\w{3,}/);
    }
  });
});

function entry(id: string, order: number, extra: Partial<LessonEntryLike['data']> = {}): LessonEntryLike {
  return { id, data: { title: id, description: id, order, exercises: [], draft: false, ...extra } };
}

describe('course outline', () => {
  it('orders lessons by their order, links neighbours and leaves drafts out of production', () => {
    const course = assembleCourse(
      [entry('b', 2), entry('a', 1), entry('wip', 3, { draft: true }), entry('c', 4)],
      {
        includeDrafts: false,
      },
    );
    expect(course.lessons.map((lesson) => lesson.href)).toEqual([
      '/lessons/a/',
      '/lessons/b/',
      '/lessons/c/',
    ]);
    expect(course.neighbours('b')).toMatchObject({ previous: { slug: 'a' }, next: { slug: 'c' } });
    expect(course.neighbours('a').previous).toBeUndefined();
  });

  it('refuses two lessons with one number, or one exercise in two lessons', () => {
    expect(() => assembleCourse([entry('a', 1), entry('b', 1)], { includeDrafts: true })).toThrow(
      'Lessons "a" and "b" both have order 1; give each lesson its own number.',
    );
    expect(() =>
      assembleCourse([entry('a', 1, { exercises: ['x'] }), entry('b', 2, { exercises: ['x'] })], {
        includeDrafts: true,
      }),
    ).toThrow('Exercise "x" is listed by both "a" and "b".');
  });
});

describe('exercises and their lessons', () => {
  it('names an exercise whose lesson does not exist, and one its lesson does not list', () => {
    const lessons = [
      entry('a', 1, { exercises: ['one'] }),
      entry('wip', 2, { draft: true, exercises: ['two'] }),
    ];
    expect(
      exercisesOutOfPlace(lessons, [
        { id: 'one', lesson: 'a' },
        { id: 'two', lesson: 'wip' },
        { id: 'three', lesson: 'a' },
        { id: 'four', lesson: 'gone' },
      ]),
    ).toEqual([
      'content/lessons: lesson "a" does not list exercise "three" in its exercises',
      'content/exercises: "four" names lesson "gone", which does not exist',
    ]);
  });
});

describe('lesson slugs', () => {
  it('drop the number that sorts the folder and the extension', () => {
    expect(lessonSlug('01-why-services.mdx')).toBe('why-services');
    expect(lessonSlug('10-node-port-30033.mdx')).toBe('node-port-30033');
    expect(lessonSlug('extra/02-more.mdx')).toBe('extra/more');
  });
});

describe('lesson progress', () => {
  const progress = {
    exercises: { one: { passed: true, at: 1 }, two: { passed: false, at: 2 } },
    visited: { seen: 1 },
  };
  it('is done when every exercise passed, in progress when some did, visited otherwise', () => {
    expect(lessonStatus(progress, 'x', ['one'])).toBe('done');
    expect(lessonStatus(progress, 'x', ['one', 'two'])).toBe('in-progress');
    expect(lessonStatus(progress, 'seen', ['two'])).toBe('visited');
    expect(lessonStatus(progress, 'new', [])).toBe('not-started');
  });
});
