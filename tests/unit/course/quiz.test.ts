import { describe, expect, it } from 'vitest';
import { gradeQuiz } from '../../../src/components/lesson/quiz-grading.ts';
import { diagramProblems, inlineDiagram } from '../../../src/components/lesson/diagram-svg.ts';

describe('grading a quiz in the page', () => {
  it('explains the choice made, and the right one when it was wrong', () => {
    const result = gradeQuiz([
      { chosen: 0, correct: 0 },
      { chosen: 2, correct: 1 },
      { chosen: -1, correct: 1 },
    ]);
    expect(result.questions).toEqual([
      { right: true, explain: [0] },
      { right: false, explain: [2, 1] },
      { right: false, explain: [] },
    ]);
    expect(result.summary).toBe('1 of 3 right. 1 not answered yet.');
  });

  it('praises a full score', () => {
    expect(gradeQuiz([{ chosen: 1, correct: 1 }]).summary).toBe('1 of 1 right. Well done.');
  });
});

const good =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 200"><title>Three ports</title>' +
  '<desc>A request enters a node on 30033, reaches the Service on 82 and a pod on 300.</desc>' +
  '<rect class="node" x="8" y="8" width="100" height="50"/><path class="line" fill="none" d="M0 0"/></svg>';

describe('diagrams', () => {
  it('accepts a diagram coloured by classes', () => {
    expect(diagramProblems(good)).toEqual([]);
  });

  it('refuses colours written into the file, fixed sizes and a missing description', () => {
    const bad = good
      .replace('viewBox', 'width="640" viewBox')
      .replace('class="node"', 'fill="#ffffff" class="node"')
      .replace(/<desc>.*<\/desc>/, '');
    expect(diagramProblems(bad)).toEqual([
      'the root <svg> has no width or height: it scales to the column',
      '<title> and <desc> come first inside <svg>, and the desc says what the picture shows',
      'fill="#ffffff": use a class instead',
    ]);
  });

  it('names the picture by its title and describes it by its desc, with ids of its own', () => {
    const inline = inlineDiagram('three-ports', good);
    expect(inline).toContain(
      '<svg role="img" aria-labelledby="diagram-three-ports-title" aria-describedby="diagram-three-ports-desc"',
    );
    expect(inline).toContain('<title id="diagram-three-ports-title">Three ports</title>');
    expect(inline).toContain('<desc id="diagram-three-ports-desc">');
  });
});

describe("the order of a question's choices", () => {
  it('is fixed for a question, and across the course the right answer is not always first', async () => {
    const { displayOrder } = await import('../../../src/components/lesson/quiz-grading.ts');
    const { loadLessonsFromDisk } = await import('../../../src/cli/lesson-files.ts');
    const questions = loadLessonsFromDisk().flatMap((lesson) => lesson.data.quiz);
    const positions = questions.map((q) => {
      const order = displayOrder(
        q.question,
        q.choices.map((c) => c.text),
      );
      expect(
        displayOrder(
          q.question,
          q.choices.map((c) => c.text),
        ),
      ).toEqual(order);
      expect([...order].sort()).toEqual(q.choices.map((_, i) => i));
      return order.indexOf(q.choices.findIndex((c) => c.correct));
    });
    const first = positions.filter((position) => position === 0).length;
    // With 3-5 choices about a third would be first by chance; all of them first gives it away.
    expect(first).toBeLessThan(questions.length * 0.6);
    expect(new Set(positions).size).toBeGreaterThan(1);
  });
});
