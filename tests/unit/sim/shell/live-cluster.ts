/** A live terminal's cluster for tests: the page moves the clock with the wall clock, here faster. */
import { afterEach } from 'vitest';
import { createCluster, type Cluster } from '../../../../src/sim/index.ts';

let timer: ReturnType<typeof setInterval> | undefined;
afterEach(() => clearInterval(timer));

export function liveCluster(): Cluster {
  const cluster = createCluster({ seed: 1 });
  timer = setInterval(() => cluster.advance(1000), 5);
  return cluster;
}
