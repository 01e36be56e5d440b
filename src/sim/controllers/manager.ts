/**
 * The kube-controller-manager, scheduler and kubelets in one loop: after every API write the
 * manager runs all controllers until the store stops changing; the virtual clock then moves from
 * one controller deadline to the next, so `sleep 30` replays thirty seconds of cluster life.
 */
import type { Controller, ControllerContext } from './controller.ts';

/** Passes over all controllers before the manager gives up on a cluster that never settles. */
const MAX_PASSES = 100;

export class ControllerManager {
  readonly #controllers: readonly Controller[];
  readonly #context: ControllerContext;
  readonly #setTime: (ms: number) => void;
  readonly #interrupted: () => boolean;

  constructor(
    controllers: readonly Controller[],
    context: ControllerContext,
    setTime: (ms: number) => void,
    interrupted: () => boolean = () => false,
  ) {
    this.#controllers = controllers;
    this.#context = context;
    this.#setTime = setTime;
    this.#interrupted = interrupted;
  }

  /** Reconcile until a pass changes nothing. */
  run(): void {
    const store = this.#context.api.store;
    for (let pass = 0; pass < MAX_PASSES && !this.#interrupted(); pass++) {
      const before = store.resourceVersion;
      for (const controller of this.#controllers) {
        if (this.#interrupted()) return;
        controller.reconcile(this.#context);
      }
      if (store.resourceVersion === before) return;
    }
  }

  /** The next controller deadline after now, if any. */
  nextWake(): number | undefined {
    const now = this.#context.now();
    let next: number | undefined;
    for (const controller of this.#controllers) {
      const wake = controller.nextWake?.(this.#context);
      if (wake !== undefined && wake > now && (next === undefined || wake < next)) next = wake;
    }
    return next;
  }

  /** Move the clock to `target`, stopping at each deadline on the way to let controllers act. */
  advanceTo(target: number): void {
    this.run();
    for (;;) {
      const wake = this.nextWake();
      if (wake === undefined || wake > target || this.#interrupted()) break;
      this.#setTime(wake);
      this.run();
    }
    if (target > this.#context.now()) this.#setTime(target);
    this.run();
  }

  /** Advance until no deadline is left or `limitMs` has passed; returns the time it stopped at. */
  settle(limitMs: number): number {
    const end = this.#context.now() + limitMs;
    this.run();
    for (;;) {
      const wake = this.nextWake();
      if (wake === undefined || wake > end || this.#interrupted()) break;
      this.#setTime(wake);
      this.run();
    }
    return this.#context.now();
  }
}
