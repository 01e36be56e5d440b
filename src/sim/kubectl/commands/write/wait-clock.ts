/**
 * Waiting on the virtual clock (delete --wait, wait, rollout status, run --rm): in the terminal the
 * clock follows real time, so we wait in one-second steps; headless we jump from one controller
 * deadline to the next, so a 30-second grace period costs no real time.
 */
import type { CommandContext } from '../../command.ts';

/** Wait until `done()` holds or `timeoutMs` of virtual time has passed; true when it held. */
export async function waitOnClock(
  context: CommandContext,
  done: () => boolean,
  timeoutMs: number,
  onTick?: () => void,
): Promise<boolean> {
  const { runtime } = context;
  const start = runtime.clock.now();
  runtime.controllers.run();
  for (;;) {
    if (done()) return true;
    if (context.signal?.aborted) return false;
    const now = runtime.clock.now();
    const left = start + timeoutMs - now;
    if (left <= 0) return false;
    let step = Math.min(1000, left);
    if (!context.interactive) {
      const wake = runtime.controllers.nextWake();
      step = wake === undefined ? left : Math.min(Math.max(wake - now, 1), left);
    }
    await runtime.wait(step, context.signal);
    runtime.controllers.run();
    onTick?.();
  }
}
