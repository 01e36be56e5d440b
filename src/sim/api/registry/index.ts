/** The strategy of each resource, by resource name: the API server's registry. */
import type { Strategy } from '../strategy.ts';

export const STRATEGIES: Record<string, Strategy> = {};
