/**
 * Submissions are replayed in worker threads (piscina), one per core, so that no replay holds the
 * server's event loop. A replay has its budget from the moment a thread takes it; a thread still busy
 * a moment past the budget is ended, so a replay that never yields holds nothing. When every thread is
 * busy and the queue is full, a submission is refused at once (the caller answers 503) instead of
 * waiting in an unbounded queue.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Exercise, GradeResult, Transcript } from '../../grading/index.ts';
import {
  isReplayStarted,
  type ReplayOutcome,
  type ReplayTask,
  type ReplayWorkerData,
} from './replay-task.ts';

/** Wall-clock budget of one replay, counted from when a thread takes it. */
export const REPLAY_BUDGET_MS = 5000;
/** The thread stops by itself at the budget where the simulator checks it; this long after, it is ended. */
const KILL_GRACE_MS = 250;

// The built server has this file emitted beside its chunks as replay-worker.mjs (astro.config.mjs).
const workerFile = new URL('./replay-worker.ts', import.meta.url);

export class ReplayTimedOut extends Error {
  constructor(readonly budgetMs: number) {
    super(`the replay took longer than ${budgetMs} ms`);
  }
}

export class ReplayPoolFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('every replay thread is busy and the queue is full');
  }
}

export interface ReplayPool {
  /** Rejects with ReplayTimedOut or ReplayPoolFull. */
  grade(exercise: Exercise, transcript: Transcript): Promise<GradeResult>;
  close(): Promise<void>;
}

export interface ReplayPoolOptions {
  threads?: number;
  /** Submissions that may wait for a thread, per thread. */
  queuedPerThread?: number;
  budgetMs?: number;
}

/** Threads start on the first submission, so an App that never grades costs nothing. */
export function createReplayPool(
  exercises: ReadonlyMap<string, Exercise>,
  options: ReplayPoolOptions = {},
): ReplayPool {
  const threads = options.threads ?? availableParallelism();
  const budgetMs = options.budgetMs ?? REPLAY_BUDGET_MS;
  // Counted here: piscina's maxQueue leaves out tasks that carry an AbortSignal, as every replay does.
  const capacity = threads * (1 + (options.queuedPerThread ?? 4));
  let inFlight = 0;
  const budgetStarters = new Map<number, () => void>();
  let pool: Piscina<ReplayTask, ReplayOutcome> | undefined;
  let nextReplayId = 0;

  const open = () => {
    if (pool) return pool;
    pool = new Piscina<ReplayTask, ReplayOutcome>({
      filename: workerFile.href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      // Below the thread that answers requests: with every core busy replaying, reads still come first.
      niceIncrement: 10,
      workerData: { exercises: [...exercises.values()] } satisfies ReplayWorkerData,
      execArgv: typeScriptLoader(workerFile),
    });
    pool.on('message', (message: unknown) => {
      if (isReplayStarted(message)) budgetStarters.get(message.replayStarted)?.();
    });
    return pool;
  };

  return {
    async grade(exercise, transcript) {
      if (inFlight >= capacity) throw new ReplayPoolFull(Math.ceil(budgetMs / 1000));
      inFlight++;
      const replayId = ++nextReplayId;
      const stop = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      budgetStarters.set(replayId, () => {
        timer = setTimeout(() => stop.abort(), budgetMs + KILL_GRACE_MS);
      });
      try {
        const outcome = await open().run(
          { replayId, exerciseId: exercise.id, transcript, budgetMs },
          { signal: stop.signal },
        );
        if (outcome.kind === 'timeout') throw new ReplayTimedOut(budgetMs);
        return outcome.result;
      } catch (error) {
        if (stop.signal.aborted) throw new ReplayTimedOut(budgetMs);
        throw error;
      } finally {
        inFlight--;
        clearTimeout(timer);
        budgetStarters.delete(replayId);
      }
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}

/**
 * Run from the sources (tests, `astro dev`), the worker is TypeScript: its thread loads it through
 * tsx, as the test servers' processes do. The built worker is plain JavaScript and needs nothing.
 */
function typeScriptLoader(file: URL): string[] {
  if (!file.pathname.endsWith('.ts')) return process.execArgv;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [...process.execArgv, '--import', tsx];
}
