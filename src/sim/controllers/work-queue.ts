/**
 * A controller's work queue, after client-go's workqueue on a virtual clock. Keys are marked dirty
 * when something a controller cares about changes (`Add`, deduplicated), or come due at a deadline
 * (`AddAfter`, held in `Deadlines`); `process` hands them to the controller's sync in key order,
 * round after round while syncs dirty more keys, up to the queue's round limit. What is still
 * dirty then waits for the manager's next pass.
 *
 * Unlike client-go's AddAfter, a key has one deadline, which each sync sets anew: the controller
 * computes it from stored state (a pull's end, a back-off), so a restored snapshot has the same
 * deadlines and no in-memory rate limiter is needed.
 */
import { Deadlines } from './deadlines.ts';

export interface WorkQueueOptions {
  /** How many times one `process` call drains the dirty keys (Infinity: until none is left). */
  rounds: number;
}

export class WorkQueue {
  readonly #dirty = new Set<string>();
  readonly #deadlines = new Deadlines();
  readonly #rounds: number;

  constructor(options: WorkQueueOptions) {
    this.#rounds = options.rounds;
  }

  /** The key needs a look at the next `process`. */
  add(key: string): void {
    this.#dirty.add(key);
  }

  /** The key next needs a look at `time`, replacing its former deadline; undefined clears it. */
  setDeadline(key: string, time: number | undefined): void {
    this.#deadlines.set(key, time);
  }

  /** The earliest deadline still set, for the manager to know how far the clock may jump. */
  nextDeadline(): number | undefined {
    return this.#deadlines.next();
  }

  /** Sync every key that is due by `now` or dirty, in key order, round after round. */
  process(now: number, sync: (key: string) => void): void {
    for (const key of this.#deadlines.takeDue(now)) this.#dirty.add(key);
    for (let round = 0; round < this.#rounds && this.#dirty.size > 0; round++) {
      const keys = [...this.#dirty].sort();
      this.#dirty.clear();
      for (const key of keys) sync(key);
    }
  }
}
