/**
 * Resource quantities as the scheduler adds them up (apimachinery resource.Quantity): CPU in
 * millicores (`100m`, `0.5`, `2`), memory in bytes (`64Mi`, `1G`, `129e6`), and a pod's requests
 * as the sum over its containers (a limit alone stands for the request, as defaulting makes it).
 */
import type { Container } from 'kubernetes-types/core/v1';

export interface Usage {
  pods: number;
  milliCpu: number;
  memory: number;
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The value of a quantity in base units (cores, bytes); NaN when it does not parse. */
export function quantityValue(quantity: string | number | undefined): number {
  if (quantity === undefined) return 0;
  if (typeof quantity === 'number') return quantity;
  const match = /^([+-]?[0-9.]+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)$/.exec(quantity.trim());
  if (!match) return NaN;
  const number = Number(match[1]);
  if (match[2]) return number * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  return number * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

/** The pod's requests (computePodResourceRequest, without init containers and overhead). */
export function podRequests(containers: readonly Container[]): Usage {
  let milliCpu = 0;
  let memory = 0;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    milliCpu += Math.ceil(quantityValue(requests['cpu'] ?? limits['cpu']) * 1000) || 0;
    memory += quantityValue(requests['memory'] ?? limits['memory']) || 0;
  }
  return { pods: 1, milliCpu, memory };
}
