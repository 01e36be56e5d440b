/**
 * describeNode: roles, labels, taints, the kubelet's lease, conditions, addresses, capacity,
 * system info, the pods on the node with their requests, and the allocated totals.
 */
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer.ts';
import {
  describeEvents,
  eventsFor,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './common.ts';
import { nodeRoles } from '../printers/tables/cluster.ts';
import { age } from '../printers/duration.ts';
import { addQuantities, formatQuantity, parseQuantity, type Quantity } from '../../api/quantity.ts';
import type { Describer, DescribeContext } from './describer.ts';
import { nodeLease, type NodeLeaseSpec } from '../../api/node-lease.ts';

export const describeNode: Describer = (object, context) => {
  const node = object as unknown as Node;
  const status = node.status ?? {};
  const info = status.nodeInfo;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(object.metadata.creationTimestamp)}\n`);
  printTaints(w, node.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  w.write(LEVEL_0, 'Lease:\n');
  const leaseSpec = nodeLease(context.runtime.api, object, context.nowMs)['spec'] as NodeLeaseSpec;
  w.write(LEVEL_1, `HolderIdentity:\t${leaseSpec.holderIdentity}\n`);
  w.write(
    LEVEL_1,
    `AcquireTime:\t${leaseSpec?.acquireTime ? formatTime(leaseSpec.acquireTime) : '<unset>'}\n`,
  );
  w.write(LEVEL_1, `RenewTime:\t${formatTime(leaseSpec.renewTime)}\n`);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${formatTime(c.lastHeartbeatTime)} \t${formatTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const address of status.addresses ?? []) w.write(LEVEL_1, `${address.type}:\t${address.address}\n`);
  for (const [title, list] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const name of names) w.write(LEVEL_0, `  ${name}:\t${String(list?.[name])}\n`);
  }
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0)
    w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResources(w, node, podsOn(context, object.metadata.name), context.nowMs);
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};

function printTaints(w: PrefixWriter, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, 'Taints:\t');
  const list = [...(taints ?? [])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (list.length === 0) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
}

function podsOn(context: DescribeContext, nodeName: string): Pod[] {
  const pods: Pod[] = [];
  for (const object of context.runtime.api.store.peek('pods')) {
    const pod = object as unknown as Pod;
    if (pod.spec?.nodeName !== nodeName) continue;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    pods.push(pod);
  }
  return pods.sort((a, b) => {
    const ka = `${a.metadata?.namespace}/${a.metadata?.name}`;
    const kb = `${b.metadata?.namespace}/${b.metadata?.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

type ResourceTotals = Record<string, Quantity | undefined>;

/** resourcehelper.PodRequestsAndLimits: the containers' sum, or the largest init container if larger. */
function podRequestsAndLimits(pod: Pod): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = {};
  const limits: ResourceTotals = {};
  for (const c of pod.spec?.containers ?? []) {
    for (const [name, value] of Object.entries(c.resources?.requests ?? {}))
      requests[name] = addQuantities(requests[name], parseQuantity(value));
    for (const [name, value] of Object.entries(c.resources?.limits ?? {}))
      limits[name] = addQuantities(limits[name], parseQuantity(value));
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [name, value] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseQuantity(value);
      if (q.value > (requests[name]?.value ?? 0)) requests[name] = q;
    }
    for (const [name, value] of Object.entries(c.resources?.limits ?? {})) {
      const q = parseQuantity(value);
      if (q.value > (limits[name]?.value ?? 0)) limits[name] = q;
    }
  }
  return { requests, limits };
}

function percent(part: Quantity | undefined, whole: Quantity | undefined): number {
  if (!whole || whole.value === 0) return 0;
  return Math.trunc(((part?.value ?? 0) / whole.value) * 100);
}

function describeNodeResources(w: PrefixWriter, node: Node, pods: readonly Pod[], nowMs: number): void {
  const allocatableRaw =
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const allocatable: ResourceTotals = {};
  for (const [name, value] of Object.entries(allocatableRaw ?? {})) allocatable[name] = parseQuantity(value);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totalRequests: ResourceTotals = {};
  const totalLimits: ResourceTotals = {};
  const cell = (q: Quantity | undefined, name: string) =>
    `${formatQuantity(q)} (${percent(q, allocatable[name])}%)`;
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [name, q] of Object.entries(requests))
      if (q) totalRequests[name] = addQuantities(totalRequests[name], q);
    for (const [name, q] of Object.entries(limits))
      if (q) totalLimits[name] = addQuantities(totalLimits[name], q);
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(requests['cpu'], 'cpu')}\t${cell(limits['cpu'], 'cpu')}\t${cell(requests['memory'], 'memory')}\t${cell(limits['memory'], 'memory')}\t${age(pod.metadata?.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const hugePages = Object.keys(allocatable)
    .filter((n) => n.startsWith('hugepages-'))
    .sort();
  for (const name of ['cpu', 'memory', 'ephemeral-storage', ...hugePages]) {
    w.write(LEVEL_1, `${name}\t${cell(totalRequests[name], name)}\t${cell(totalLimits[name], name)}\n`);
  }
}
