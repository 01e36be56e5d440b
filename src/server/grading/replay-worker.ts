// One thread of the replay pool: replays a transcript in a fresh simulator and grades it. Stops by
// itself at the budget where the simulator checks it (between commands, loop rounds, controller
// passes); what never gets there (a regular expression that backtracks for hours) is ended by the pool.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { gradeTranscript, ReplayTimeout } from '../../grading/index.ts';
import type { ReplayOutcome, ReplayStarted, ReplayTask, ReplayWorkerData } from './replay-task.ts';

const exercises = new Map((workerData as ReplayWorkerData).exercises.map((e) => [e.id, e]));

export default async function replay(task: ReplayTask): Promise<ReplayOutcome> {
  const exercise = exercises.get(task.exerciseId);
  if (!exercise) throw new Error(`the replay threads know no exercise "${task.exerciseId}"`);
  parentPort?.postMessage({ replayStarted: task.replayId } satisfies ReplayStarted);
  const deadline = performance.now() + task.budgetMs;
  try {
    const result = await gradeTranscript(exercise, task.transcript, {
      outOfTime: () => performance.now() > deadline,
    });
    return { kind: 'graded', result };
  } catch (error) {
    if (error instanceof ReplayTimeout) return { kind: 'timeout' };
    throw error;
  }
}
