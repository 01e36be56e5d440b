/**
 * A controller reconciles from the current state, never from the event that woke it: the manager
 * calls every controller after each change until nothing moves. Work that waits for time (a pod
 * pulling its image) is not a timer but a deadline computed from stored timestamps, which the
 * manager reads through `nextWake` to know how far the virtual clock may jump.
 *
 * Most controllers are keyed, as client-go's are: informer handlers put object keys on a work
 * queue and `sync` brings the object behind one key up to date; `worker` runs them all the same way.
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from './events.ts';
import type { PodLogStore } from '../net/logs.ts';
import type { PodIPAllocator } from './pod-ip.ts';
import type { SeededRandom } from '../random.ts';
import type { WorkQueue } from './work-queue.ts';

export interface ControllerContext {
  api: ApiServer;
  events: EventRecorder;
  logs: PodLogStore;
  /** The host-local IPAM state of every node (which pod IP each hands out next). */
  podIPs: PodIPAllocator;
  random: SeededRandom;
  now(): number;
  /** RFC 3339 timestamp of now, as the API server writes it. */
  timestamp(): string;
}

export interface Controller {
  readonly name: string;
  reconcile(context: ControllerContext): void;
  /** The earliest virtual time (ms) at which this controller will have something to do. */
  nextWake?(context: ControllerContext): number | undefined;
}

export interface KeyedController {
  readonly name: string;
  /** The keys that need a look, now or at a deadline; filled by the controller's informer handlers. */
  readonly queue: WorkQueue;
  /** Bring the object behind `key` up to date from what is stored (it may be gone). */
  sync(context: ControllerContext, key: string): void;
}

/** The worker loop every keyed controller shares: due and dirty keys to `sync`, deadlines to the manager. */
export function worker(controller: KeyedController): Controller {
  return {
    name: controller.name,
    reconcile: (context) => controller.queue.process(context.now(), (key) => controller.sync(context, key)),
    nextWake: () => controller.queue.nextDeadline(),
  };
}
