/**
 * ClusterIP allocator over the service CIDR (10.96.0.0/12 on kubeadm), as
 * pkg/registry/core/service/ipallocator: the network and broadcast addresses are never handed
 * out, dynamic allocation prefers the upper band so that the lower band stays free for chosen IPs
 * (10.96.0.1 for `kubernetes`, 10.96.0.10 for DNS).
 */
import type { SeededRandom } from '../../random.ts';
import { AllocationError, ErrFull, ErrIPAllocated } from './errors.ts';
import { pickFree, type BandRule } from './bands.ts';

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
    const offset = pickFree(
      this.#size,
      SERVICE_IP_BANDS,
      this.#random,
      (o) => !this.#used.has(this.#base + 1 + o),
    );
    if (offset === undefined) throw ErrFull();
    this.#used.add(this.#base + 1 + offset);
    return numberToIp(this.#base + 1 + offset);
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

/** ipallocator's calculateRangeOffset: 16 to 256 addresses, a 16th of the range. */
const SERVICE_IP_BANDS: BandRule = { min: 16, max: 256, step: 16 };

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
