/** The controllers that run in the simulated cluster, in the order a pass runs them. */
import type { Controller } from './controller.ts';

export function createControllers(): Controller[] {
  return [];
}
