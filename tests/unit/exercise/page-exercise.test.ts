import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluate, gradeTranscript, startExercise, stepsToTranscript } from '../../../src/grading/index.ts';
import { exerciseCatalog, pageExercise } from '../../../src/course/course-exercises.ts';
import { asGradable } from '../../../src/course/page-exercise.ts';

describe('the exercise a lesson page ships', () => {
  it('carries neither the reference solutions nor the known-wrong attempts', () => {
    const page = pageExercise('nodeport-30033');
    expect(Object.keys(page)).not.toContain('solutions');
    expect(Object.keys(page)).not.toContain('wrong');
    const json = JSON.stringify(page);
    // The solution's patch command and a wrong attempt's node port appear nowhere in the page.
    expect(json).not.toContain('kubectl patch service web');
    expect(json).not.toContain('--node-port=3033 ');
    expect(page.tasks.map((task) => task.id)).toEqual(['service', 'ports', 'endpoints', 'traffic', 'listed']);
  });

  it('starts and grades live exactly as the server grades a replay', async () => {
    const full = exerciseCatalog().get('nodeport-30033')!;
    const solution = full.solutions.find((s) => s.name === 'kubectl create service')!;
    const cluster = await startExercise(asGradable(pageExercise('nodeport-30033')));
    expect(cluster.fs.read('service.yaml')).toContain('type: ClusterIP');
    for (const step of solution.steps) if ('run' in step) await cluster.exec(step.run);
    cluster.settle();
    const live = evaluate(asGradable(pageExercise('nodeport-30033')), cluster);
    const server = await gradeTranscript(full, stepsToTranscript(solution.steps));
    expect(live).toEqual(server);
    expect(live.passed).toBe(true);
  });

  it('exists for every exercise a lesson names', () => {
    const ids = readdirSync('content/lessons')
      .filter((file) => file.endsWith('.mdx'))
      .flatMap((file) => {
        const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(`content/lessons/${file}`, 'utf8'))![1]!;
        return (parse(front) as { exercises?: string[] }).exercises ?? [];
      });
    expect(ids).toContain('nodeport-30033');
    for (const id of ids) expect(pageExercise(id).id).toBe(id);
  });

  it('names the missing exercise when a lesson asks for one that does not exist', () => {
    expect(() => pageExercise('no-such-exercise')).toThrow(
      'no exercise "no-such-exercise" in content/exercises',
    );
  });
});
