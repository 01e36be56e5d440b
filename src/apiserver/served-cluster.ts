/**
 * One simulated cluster as the HTTP adapter sees it: its API server, its runtime (logs, exec), the
 * watch cache, and how its clock moves — with the wall clock (`kubesim serve`), or in steps when
 * a client waits (tests, where both sides of a comparison must see the same instants).
 */
import type { Cluster } from '../sim/index.ts';
import type { ApiServer } from '../sim/api/apiserver.ts';
import type { Runtime } from '../sim/runtime.ts';
import { runtimeOf } from '../sim/cluster-runtime.ts';
import { WatchHub } from './watch-hub.ts';

/**
 * `wall`: the cluster lives in real time. `stepped`: the clock stands still, and jumps to the next
 * thing the controllers have scheduled only while a client watches and nothing happens, as the
 * page's kubectl does headless (`kubectl wait`, `rollout status`, `delete --wait`).
 */
export type ClockMode = 'wall' | 'stepped';

/** How often the wall clock is followed while nothing asks. */
const WALL_TICK_MS = 100;

export class ServedCluster {
  readonly cluster: Cluster;
  readonly runtime: Runtime;
  readonly hub: WatchHub;
  readonly clockMode: ClockMode;
  #lastTick = Date.now();
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(cluster: Cluster, clockMode: ClockMode) {
    this.cluster = cluster;
    this.runtime = runtimeOf(cluster);
    this.hub = new WatchHub(this.runtime.api.store);
    this.clockMode = clockMode;
    if (clockMode === 'wall') {
      this.#ticker = setInterval(() => this.catchUp(), WALL_TICK_MS);
      this.#ticker.unref();
    }
  }

  get api(): ApiServer {
    return this.runtime.api;
  }

  now(): number {
    return this.cluster.now();
  }

  /** Bring the cluster to the wall clock (wall mode) and let the controllers react to writes. */
  catchUp(): void {
    if (this.clockMode === 'wall') {
      const tick = Date.now();
      this.cluster.advance(tick - this.#lastTick);
      this.#lastTick = tick;
    } else {
      this.cluster.advance(0);
    }
  }

  /** Stepped mode: move to the controllers' next deadline; false when nothing is scheduled. */
  step(): boolean {
    if (this.clockMode !== 'stepped') return false;
    const wake = this.runtime.controllers.nextWake();
    if (wake === undefined) return false;
    this.cluster.advance(wake - this.cluster.now());
    return true;
  }

  close(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.hub.close();
  }
}
