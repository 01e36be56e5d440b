/**
 * A pod's requests as the scheduler adds them up: CPU in millicores, memory in bytes (quantities
 * parsed by api/quantity.ts), summed over its containers (a limit alone stands for the request, as
 * defaulting makes it).
 */
import type { Container } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../api/quantity.ts';

export interface Usage {
  pods: number;
  milliCpu: number;
  memory: number;
}

/** The pod's requests (computePodResourceRequest, without init containers and overhead). */
export function podRequests(containers: readonly Container[]): Usage {
  let milliCpu = 0;
  let memory = 0;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    milliCpu += Math.ceil(parseQuantity(requests['cpu'] ?? limits['cpu']).value * 1000);
    memory += parseQuantity(requests['memory'] ?? limits['memory']).value;
  }
  return { pods: 1, milliCpu, memory };
}
