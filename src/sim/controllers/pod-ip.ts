/**
 * Pod IPs from the node's podCIDR, as the CNI's host-local IPAM hands them out (containernetworking
 * plugins, ipam/host-local/backend/allocator): the range runs from .1 to the address before the
 * broadcast, the gateway (.1) is skipped, and allocation is round-robin: it starts after the last
 * address reserved on that node, so a freed address comes back only once the range has wrapped.
 * Each node keeps its own last reserved address (host-local's last_reserved_ip file).
 */
import type { Node, Typed } from '../api/types.ts';
import type { Informer } from './informer.ts';

export class PodIPAllocator {
  /** node name → the last address its IPAM reserved. */
  #lastReserved = new Map<string, string>();

  allocate(informer: Informer, node: Typed<Node>): string | undefined {
    const cidr = node.spec?.podCIDR;
    if (!cidr) return undefined;
    const [base, bits] = cidr.split('/');
    const network = toNumber(base ?? '');
    const size = 2 ** (32 - Number(bits));
    const rangeStart = network + 1;
    const rangeEnd = network + size - 2;
    const gateway = network + 1;
    const used = new Set<string>();
    for (const key of informer.podsOnNode(node.metadata.name)) {
      const ip = informer.pod(key)?.status?.podIP;
      if (ip) used.add(ip);
    }
    const last = this.#lastReserved.get(node.metadata.name);
    const lastNumber = last === undefined ? NaN : toNumber(last);
    const inRange = lastNumber >= rangeStart && lastNumber <= rangeEnd;
    // GetIter: from lastReservedIP + 1, or from RangeStart the first time; Next wraps at RangeEnd.
    const first = inRange ? (lastNumber === rangeEnd ? rangeStart : lastNumber + 1) : rangeStart;
    const count = rangeEnd - rangeStart + 1;
    for (let step = 0; step < count; step++) {
      const candidate = rangeStart + ((first - rangeStart + step) % count);
      if (candidate === gateway) continue;
      const ip = toAddress(candidate);
      if (used.has(ip)) continue;
      this.#lastReserved.set(node.metadata.name, ip);
      return ip;
    }
    return undefined;
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.#lastReserved);
  }

  restore(state: Record<string, string>): void {
    this.#lastReserved = new Map(Object.entries(state));
  }
}

function toNumber(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function toAddress(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
