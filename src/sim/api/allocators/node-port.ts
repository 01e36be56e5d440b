/**
 * NodePort allocator over --service-node-port-range (30000-32767 by default), as
 * pkg/registry/core/service/portallocator: a random free port from the upper band for dynamic
 * allocation, so that the lower band stays free for ports people choose themselves.
 */
import type { SeededRandom } from '../../random.ts';
import { AllocationError, ErrAllocated, ErrFull } from './errors.ts';

export interface PortRange {
  base: number;
  size: number;
}

export const DEFAULT_NODE_PORT_RANGE: PortRange = { base: 30000, size: 2768 };

export class NodePortAllocator {
  readonly range: PortRange;
  #used = new Set<number>();
  readonly #random: SeededRandom;

  constructor(random: SeededRandom, range: PortRange = DEFAULT_NODE_PORT_RANGE) {
    this.range = range;
    this.#random = random;
  }

  get rangeText(): string {
    return `${this.range.base}-${this.range.base + this.range.size - 1}`;
  }

  contains(port: number): boolean {
    return port >= this.range.base && port < this.range.base + this.range.size;
  }

  has(port: number): boolean {
    return this.#used.has(port);
  }

  get used(): number {
    return this.#used.size;
  }

  allocate(port: number): void {
    if (!this.contains(port)) {
      throw new AllocationError(
        'outOfRange',
        `provided port is not in the valid range. The range of valid ports is ${this.rangeText}`,
      );
    }
    if (this.#used.has(port)) throw ErrAllocated();
    this.#used.add(port);
  }

  /** A random free port, preferring the dynamic (upper) band as the real allocator does. */
  allocateNext(): number {
    if (this.#used.size >= this.range.size) throw ErrFull();
    const offset = staticBandSize(this.range.size);
    const bands: [number, number][] = [
      [offset, this.range.size],
      [0, offset],
    ];
    for (const [from, to] of bands) {
      const width = to - from;
      if (width <= 0) continue;
      const start = this.#random.int(width);
      for (let i = 0; i < width; i++) {
        const port = this.range.base + from + ((start + i) % width);
        if (!this.#used.has(port)) {
          this.#used.add(port);
          return port;
        }
      }
    }
    throw ErrFull();
  }

  release(port: number): void {
    this.#used.delete(port);
  }

  snapshot(): number[] {
    return [...this.#used].sort((a, b) => a - b);
  }

  restore(ports: readonly number[]): void {
    this.#used = new Set(ports);
  }
}

/** calculateRangeOffset: min(max(16, size/32), 128) ports at the bottom are kept for static use. */
export function staticBandSize(size: number): number {
  const min = 16;
  const max = 128;
  const step = 32;
  if (size < min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}
