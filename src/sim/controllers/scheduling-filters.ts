/**
 * The default scheduler profile's filters that a small cluster exercises, in the framework's
 * order (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit), each with the
 * plugin's own failure reason and whether preemption could help (Unschedulable) or not
 * (UnschedulableAndUnresolvable).
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Node, Typed } from '../api/types.ts';
import type { StoredPod } from './objects.ts';
import { parseQuantity } from '../api/quantity.ts';
import { podRequests, type Usage } from './resources.ts';

export interface FilterFailure {
  /** A plugin may give several reasons (NodeResourcesFit: `Too many pods`, `Insufficient cpu`). */
  reasons: string[];
  /** UnschedulableAndUnresolvable: evicting pods would not make the node fit. */
  unresolvable: boolean;
}

export const REASON_NODE_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_UNTOLERATED_TAINT = 'node(s) had untolerated taint(s)';
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_TOO_MANY_PODS = 'Too many pods';

/** Why `pod` cannot go to `node`, or undefined if it can; `used` is what the node's pods already request. */
export function filterNode(pod: StoredPod, node: Typed<Node>, used: Usage): FilterFailure | undefined {
  const tolerations = pod.spec?.tolerations ?? [];
  if (node.spec?.unschedulable) {
    const unschedulableTaint: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if (!tolerations.some((t) => tolerates(t, unschedulableTaint))) {
      return { reasons: [REASON_NODE_UNSCHEDULABLE], unresolvable: true };
    }
  }
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerations.some((t) => tolerates(t, taint)))
      return { reasons: [REASON_UNTOLERATED_TAINT], unresolvable: true };
  }
  if (!matchesNodeSelector(pod, node)) return { reasons: [REASON_NODE_AFFINITY], unresolvable: true };
  const reasons = insufficientResources(pod, node, used);
  return reasons.length > 0 ? { reasons, unresolvable: false } : undefined;
}

/** NodeResourcesFit's fitsRequest: pods, then cpu, then memory, each with its own reason. */
function insufficientResources(pod: StoredPod, node: Typed<Node>, used: Usage): string[] {
  const allocatable = node.status?.allocatable ?? {};
  const wanted = podRequests(pod.spec?.containers ?? []);
  const reasons: string[] = [];
  if (used.pods + 1 > Number(allocatable['pods'] ?? '110')) reasons.push(REASON_TOO_MANY_PODS);
  const cpu = Math.round(parseQuantity(allocatable['cpu']).value * 1000);
  if (wanted.milliCpu > 0 && used.milliCpu + wanted.milliCpu > cpu) reasons.push('Insufficient cpu');
  const memory = parseQuantity(allocatable['memory']).value;
  if (wanted.memory > 0 && used.memory + wanted.memory > memory) reasons.push('Insufficient memory');
  return reasons;
}

/** v1.Toleration.ToleratesTaint. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  if (!toleration.key && toleration.operator !== 'Exists') return false;
  return (toleration.value ?? '') === (taint.value ?? '');
}

function matchesNodeSelector(pod: StoredPod, node: Typed<Node>): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec?.nodeSelector ?? {}))
    if (labels[key] !== value) return false;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && terms.length > 0) return terms.some((term) => matchesTerm(term, labels, node.metadata.name));
  return true;
}

function matchesTerm(term: NodeSelectorTerm, labels: Record<string, string>, nodeName: string): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  return (
    expressions.every((r) => matchesRequirement(r, labels[r.key])) &&
    fields.every((r) => r.key === 'metadata.name' && matchesRequirement(r, nodeName))
  );
}

function matchesRequirement(requirement: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}
