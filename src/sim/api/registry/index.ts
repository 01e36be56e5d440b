/** The strategy of each resource, by resource name: the API server's registry. */
import type { Strategy } from '../strategy.ts';
import { serviceStrategy } from './service.ts';

export const STRATEGIES: Record<string, Strategy> = {
  services: serviceStrategy,
};
