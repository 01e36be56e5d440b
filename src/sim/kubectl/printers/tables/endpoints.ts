/** `kubectl get endpoints` (`10.244.1.5:300,... + 2 more...`) and `kubectl get endpointslices`. */
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { age } from '../duration.ts';
import type { TableDefinition } from './table.ts';

const MAX_SHOWN = 3;

export const endpointsTable: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
  cells(object, context) {
    const ep = object as unknown as Endpoints;
    return [ep.metadata?.name ?? '', formatEndpoints(ep), age(ep.metadata?.creationTimestamp, context.nowMs)];
  },
};

export const endpointSliceTable: TableDefinition = {
  columns: [
    { name: 'Name' },
    { name: 'AddressType' },
    { name: 'Ports' },
    { name: 'Endpoints' },
    { name: 'Age' },
  ],
  cells(object, context) {
    const slice = object as unknown as EndpointSlice;
    const ports: string[] = [];
    let portCount = 0;
    for (const port of slice.ports ?? []) {
      if (ports.length < MAX_SHOWN)
        ports.push(port.port !== undefined ? String(port.port) : (port.name ?? '*'));
      portCount++;
    }
    const addresses: string[] = [];
    let addressCount = 0;
    for (const endpoint of slice.endpoints ?? []) {
      for (const address of endpoint.addresses) {
        if (addresses.length < MAX_SHOWN) addresses.push(address);
        addressCount++;
      }
    }
    return [
      slice.metadata?.name ?? '',
      slice.addressType,
      listWithMore(ports, portCount),
      listWithMore(addresses, addressCount),
      age(slice.metadata?.creationTimestamp, context.nowMs),
    ];
  },
};

function listWithMore(list: string[], count: number): string {
  const text = list.join(',');
  if (count > MAX_SHOWN) return `${text} + ${count - MAX_SHOWN} more...`;
  return text === '' ? '<unset>' : text;
}

/** formatEndpoints: `ip:port` for every port of every subset, three at most, then `+ N more...`. */
export function formatEndpoints(endpoints: Endpoints, portNames?: ReadonlySet<string>): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    if (!subset.ports || subset.ports.length === 0) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(address.ip);
      }
      continue;
    }
    for (const port of subset.ports) {
      if (portNames && !portNames.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(address.ip.includes(':') ? `[${address.ip}]:${port.port}` : `${address.ip}:${port.port}`);
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_SHOWN} more...` : text;
}
