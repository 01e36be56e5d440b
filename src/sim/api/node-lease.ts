/**
 * A node's Lease in kube-node-lease (coordination.k8s.io/v1), which `kubectl describe node` reads:
 * the stored one when the cluster keeps it, else the one a kubelet renewing every ten seconds
 * would have, a few seconds old.
 */
import type { ApiServer } from './apiserver.ts';
import type { KubeObject } from './types.ts';

const LEASE_RENEW_AGE_MS = 4_000;

export interface NodeLeaseSpec {
  holderIdentity: string;
  acquireTime?: string;
  renewTime: string;
  leaseDurationSeconds: number;
}

export function nodeLease(api: ApiServer, node: Readonly<KubeObject>, nowMs: number): KubeObject {
  const stored = api.store.get('leases', 'kube-node-lease', node.metadata.name);
  if (stored) return stored;
  const spec: NodeLeaseSpec = {
    holderIdentity: node.metadata.name,
    renewTime: new Date(nowMs - LEASE_RENEW_AGE_MS).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'),
    leaseDurationSeconds: 40,
  };
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: node.metadata.name,
      namespace: 'kube-node-lease',
      uid: node.metadata.uid,
      creationTimestamp: node.metadata.creationTimestamp,
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid ?? '' },
      ],
    },
    spec,
  };
}
