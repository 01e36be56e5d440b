/**
 * NodePort allocator over --service-node-port-range (30000-32767 by default), as
 * pkg/registry/core/service/portallocator: a random free port from the upper band for dynamic
 * allocation, so that the lower band stays free for ports people choose themselves.
 */
import type { SeededRandom } from '../../random.ts';
import { AllocationError, ErrAllocated, ErrFull } from './errors.ts';
import { pickFree, type BandRule } from './bands.ts';

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
    const offset = pickFree(
      this.range.size,
      NODE_PORT_BANDS,
      this.#random,
      (o) => !this.#used.has(this.range.base + o),
    );
    if (offset === undefined) throw ErrFull();
    this.#used.add(this.range.base + offset);
    return this.range.base + offset;
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

/** portallocator's calculateRangeOffset: 16 to 128 ports, a 32nd of the range. */
export const NODE_PORT_BANDS: BandRule = { min: 16, max: 128, step: 32 };
