/**
 * Reads kubectl makes of kinds the simulator does not model, answered as an empty cluster would:
 * `describe namespace` lists ResourceQuotas and LimitRanges, `describe node` gets the kubelet's
 * Lease. Typed clients ask without discovery, so these are not advertised.
 */
import type { ServerResponse } from 'node:http';
import { StatusError } from '../sim/api/status-error.ts';
import { nodeLease } from '../sim/api/node-lease.ts';
import { sendJson } from './respond.ts';
import type { ServedCluster } from './served-cluster.ts';

const EMPTY_LISTS: Readonly<Record<string, string>> = {
  resourcequotas: 'ResourceQuotaList',
  limitranges: 'LimitRangeList',
};

/** Answers and returns true when the path is one of these reads. */
export function answerUnmodelledRead(
  served: ServedCluster,
  pathname: string,
  response: ServerResponse,
): boolean {
  const list = /^\/api\/v1\/(?:namespaces\/[^/]+\/)?(resourcequotas|limitranges)$/.exec(pathname);
  if (list) {
    sendJson(response, 200, {
      kind: EMPTY_LISTS[list[1] as string],
      apiVersion: 'v1',
      metadata: { resourceVersion: String(served.hub.resourceVersion) },
      items: [],
    });
    return true;
  }
  const lease = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(
    pathname,
  );
  if (lease) {
    const name = decodeURIComponent(lease[1] as string);
    const node = served.api.tryGet('nodes', undefined, name);
    if (!node) throw StatusError.notFound('leases.coordination.k8s.io', name);
    sendJson(response, 200, nodeLease(served.api, node, served.now()));
    return true;
  }
  return false;
}
