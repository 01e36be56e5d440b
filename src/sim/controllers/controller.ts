/**
 * A controller reconciles from the current state, never from the event that woke it: the manager
 * calls every controller after each change until nothing moves. Work that waits for time (a pod
 * pulling its image) is not a timer but a deadline computed from stored timestamps, which the
 * manager reads through `nextWake` to know how far the virtual clock may jump.
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from './events.ts';
import type { PodLogStore } from '../net/logs.ts';
import type { PodIPAllocator } from './pod-ip.ts';
import type { SeededRandom } from '../random.ts';

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
