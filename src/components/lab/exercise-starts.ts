/**
 * The exercises of the page offer the lab their starting clusters, so that a shared link made while
 * working on one can be replayed from that start (the lab knows nothing of grading).
 */
import type { Cluster } from '../../sim/index.ts';

const starts = new Map<string, () => Promise<Cluster>>();

export function offerExerciseStart(id: string, start: () => Promise<Cluster>): void {
  starts.set(id, start);
}

export function exerciseStart(id: string): (() => Promise<Cluster>) | undefined {
  return starts.get(id);
}
