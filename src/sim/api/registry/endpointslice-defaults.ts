/**
 * SetDefaults_EndpointPort (pkg/apis/discovery/v1): what the API server fills in when it decodes an
 * EndpointSlice. kubectl relies on it: `describe service` dereferences every port's name.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../types.ts';

type EndpointPort = NonNullable<EndpointSlice['ports']>[number];

export function defaultEndpointSlice(object: KubeObject): void {
  const ports = object['ports'];
  if (!Array.isArray(ports)) return;
  for (const port of ports as EndpointPort[]) {
    const mutable = port as { -readonly [K in keyof EndpointPort]: EndpointPort[K] };
    mutable.name ??= '';
    mutable.protocol ??= 'TCP';
  }
}
