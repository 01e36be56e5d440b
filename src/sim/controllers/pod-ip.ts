/**
 * Pod IPs from the node's podCIDR, as the CNI's host-local IPAM hands them out: the network and
 * gateway (.0, .1) and the broadcast address are never used; the lowest free address goes next.
 */
import type { Node, Typed } from '../api/types.ts';
import type { Informer } from './informer.ts';

export function allocatePodIP(informer: Informer, node: Typed<Node>): string | undefined {
  const cidr = node.spec?.podCIDR;
  if (!cidr) return undefined;
  const [base, bits] = cidr.split('/');
  const start = toNumber(base ?? '');
  const size = 2 ** (32 - Number(bits));
  const used = new Set<string>();
  for (const key of informer.podsOnNode(node.metadata.name)) {
    const ip = informer.pod(key)?.status?.podIP;
    if (ip) used.add(ip);
  }
  for (let offset = 2; offset < size - 1; offset++) {
    const ip = toAddress(start + offset);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

function toNumber(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function toAddress(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
