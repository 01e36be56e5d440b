/**
 * The pod a command talks to (logs, exec, port-forward; polymorphichelpers.AttachablePodForObject):
 * a pod by name, or for `deploy/web`, `rs/...`, `svc/...` the best of the pods its selector matches
 * (podutils.ByLogging: scheduled, running, ready, oldest first).
 */
import { StatusError } from '../../../api/status-error.ts';
import type { KubeObject } from '../../../api/types.ts';
import { matchesMap, matchesSelector } from '../../../api/labels/selector.ts';
import type { CommandContext } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { mappingFor } from '../../resource-args.ts';

export interface PodTarget {
  pod: KubeObject;
  /** How many pods the selector matched (logs says `Found 2 pods, using pod/...`). */
  matched: number;
}

export function podForArgument(context: CommandContext, argument: string): PodTarget {
  const { api } = context.runtime;
  const slash = argument.indexOf('/');
  if (slash < 0) return { pod: api.get('pods', context.namespace, argument), matched: 1 };
  const type = mappingFor(argument.slice(0, slash));
  const name = argument.slice(slash + 1);
  const object = api.get(type.resource, type.namespaced ? context.namespace : undefined, name);
  if (type.resource === 'pods') return { pod: object, matched: 1 };
  const spec = (object['spec'] ?? {}) as { selector?: unknown };
  let matches: (labels: Record<string, string> | undefined) => boolean;
  if (type.resource === 'services') {
    const selector = spec.selector as Record<string, string> | undefined;
    if (!selector || Object.keys(selector).length === 0)
      throw new CommandError(`invalid service '${name}': Service is defined without a selector`);
    matches = (labels) => matchesMap(labels, selector);
  } else if (type.resource === 'deployments' || type.resource === 'replicasets') {
    matches = (labels) => matchesSelector(labels, spec.selector as Parameters<typeof matchesSelector>[1]);
  } else {
    throw new CommandError(`cannot attach to ${object.kind}: not implemented`);
  }
  const pods = api.list('pods', context.namespace).filter((pod) => matches(pod.metadata.labels));
  if (pods.length === 0) throw new CommandError(`timed out waiting for the condition`);
  pods.sort(byLogging);
  return { pod: pods[0] as KubeObject, matched: pods.length };
}

/** controller.ByLogging; sort.Sort keeps the list order (by name) among equals for a few pods. */
function byLogging(a: KubeObject, b: KubeObject): number {
  const rank = (pod: KubeObject) => {
    const spec = (pod['spec'] ?? {}) as { nodeName?: string };
    const status = (pod['status'] ?? {}) as {
      phase?: string;
      conditions?: { type: string; status: string; lastTransitionTime?: string }[];
      containerStatuses?: { restartCount?: number }[];
    };
    const readyCondition = status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
    const phase = status.phase === 'Pending' ? 2 : status.phase === 'Unknown' ? 1 : 0;
    // Been ready longer first; then more restarts first.
    const readySince = readyCondition?.lastTransitionTime ? Date.parse(readyCondition.lastTransitionTime) : 0;
    const restarts = Math.max(0, ...(status.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
    return [spec.nodeName ? 0 : 1, phase, readyCondition ? 0 : 1, readySince, -restarts];
  };
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

/** The container `-c` names, or the first one, saying so when there are several. */
export function containerOf(context: CommandContext, pod: KubeObject, requested: string): string {
  const containers = (((pod['spec'] ?? {}) as { containers?: { name: string }[] }).containers ?? []).map(
    (c) => c.name,
  );
  if (requested !== '') {
    if (!containers.includes(requested))
      throw StatusError.badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    return requested;
  }
  const fallback =
    pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0] ?? '';
  if (containers.length > 1)
    context.stderr(`Defaulted container "${fallback}" out of: ${containers.join(', ')}\n`);
  return fallback;
}
