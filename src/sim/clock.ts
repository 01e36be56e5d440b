/**
 * The simulator's virtual clock. Nothing in src/sim reads the real time: the page advances this
 * clock to follow the wall clock, while headless runs advance it only through commands that wait
 * (`sleep`, `kubectl wait`, `kubectl rollout status`), so the same commands give the same cluster.
 */
export class VirtualClock {
  #now: number;

  constructor(startMs: number = CLUSTER_EPOCH_MS) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** RFC 3339 time as the API server writes it (whole seconds, UTC). */
  timestamp(ms: number = this.#now): string {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** Whole milliseconds: times end up in integer fields (event names count nanoseconds as a BigInt). */
  set(ms: number): void {
    if (ms < this.#now) throw new Error(`the clock cannot go back from ${this.#now} to ${ms}`);
    this.#now = Math.max(this.#now, Math.round(ms));
  }
}

/** When a new simulated cluster was created: a fixed instant, so output is reproducible. */
export const CLUSTER_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
