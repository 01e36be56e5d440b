// What the server's threads and its replay pool say to each other (replay-worker.ts, replay-pool.ts).
import type { Exercise, GradeResult, Transcript } from '../../grading/index.ts';

/** Given to every thread when it starts: the course's exercises, so a task names one by id. */
export interface ReplayWorkerData {
  exercises: Exercise[];
}

export interface ReplayTask {
  /** Tells the pool which replay a "started" message is about. */
  replayId: number;
  exerciseId: string;
  transcript: Transcript;
  budgetMs: number;
}

export type ReplayOutcome = { kind: 'graded'; result: GradeResult } | { kind: 'timeout' };

/** Posted by a thread when it takes a task: the replay's budget runs from then, not from the queue. */
export interface ReplayStarted {
  replayStarted: number;
}

export function isReplayStarted(message: unknown): message is ReplayStarted {
  return typeof (message as Partial<ReplayStarted> | null)?.replayStarted === 'number';
}
