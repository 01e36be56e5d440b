/**
 * ClusterIP allocator over the service CIDR (10.96.0.0/12 on kubeadm), as
 * pkg/registry/core/service/ipallocator: the network and broadcast addresses are never handed
 * out, dynamic allocation prefers the upper band so that the lower band stays free for chosen IPs
 * (10.96.0.1 for `kubernetes`, 10.96.0.10 for DNS).
 */
import type { SeededRandom } from '../../random.ts';
import { AllocationError, ErrFull, ErrIPAllocated } from './errors.ts';

export class ClusterIPAllocator {
  readonly cidr: string;
  readonly #base: number;
  /** Usable addresses: the CIDR less the network address and the broadcast address. */
  readonly #size: number;
  #used = new Set<number>();
  readonly #random: SeededRandom;

  constructor(random: SeededRandom, cidr = '10.96.0.0/12') {
    const [address = '', bitsText = ''] = cidr.split('/');
    const bits = Number(bitsText);
    this.cidr = cidr;
    this.#base = ipToNumber(address);
    this.#size = Math.min(2 ** (32 - bits) - 2, 65534);
    this.#random = random;
  }

  contains(ip: string): boolean {
    const n = ipToNumber(ip);
    return Number.isFinite(n) && n > this.#base && n <= this.#base + this.#size;
  }

  has(ip: string): boolean {
    return this.#used.has(ipToNumber(ip));
  }

  get used(): number {
    return this.#used.size;
  }

  allocate(ip: string): void {
    if (!this.contains(ip)) {
      throw new AllocationError(
        'outOfRange',
        `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`,
      );
    }
    const n = ipToNumber(ip);
    if (this.#used.has(n)) throw ErrIPAllocated();
    this.#used.add(n);
  }

  allocateNext(): string {
    if (this.#used.size >= this.#size) throw ErrFull();
    const offset = staticBandSize(this.#size);
    const bands: [number, number][] = [
      [offset, this.#size],
      [0, offset],
    ];
    for (const [from, to] of bands) {
      const width = to - from;
      if (width <= 0) continue;
      const start = this.#random.int(width);
      for (let i = 0; i < width; i++) {
        const n = this.#base + 1 + from + ((start + i) % width);
        if (!this.#used.has(n)) {
          this.#used.add(n);
          return numberToIp(n);
        }
      }
    }
    throw ErrFull();
  }

  release(ip: string): void {
    this.#used.delete(ipToNumber(ip));
  }

  snapshot(): string[] {
    return [...this.#used].sort((a, b) => a - b).map(numberToIp);
  }

  restore(ips: readonly string[]): void {
    this.#used = new Set(ips.map(ipToNumber));
  }
}

/** calculateRangeOffset for service IPs: min(max(16, size/16), 256). */
function staticBandSize(size: number): number {
  if (size < 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

export function ipToNumber(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4) return NaN;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return NaN;
    const octet = Number(part);
    if (octet > 255) return NaN;
    n = n * 256 + octet;
  }
  return n;
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
