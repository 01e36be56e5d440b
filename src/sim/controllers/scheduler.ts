/**
 * kube-scheduler with its default profile, reduced to what a small cluster shows: pending pods
 * are taken in arrival order, filtered against every node (taints, selectors, 110 pods a node),
 * and bound to the node with the fewest pods (ties broken at random, as the scheduler's
 * selectHost does). A pod that fits nowhere stays Pending with PodScheduled=False and a
 * FailedScheduling event worded as FitError and DefaultPreemption word it; it is tried again
 * when a pod goes away or a node changes, and at the latest after five minutes
 * (podMaxInUnschedulablePodsDuration).
 */
import type { KubeObject, Node, Typed } from '../api/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import type { Informer } from './informer.ts';
import { isTerminating, keyOf, type StoredPod } from './objects.ts';
import { filterNode, type FilterFailure } from './scheduling-filters.ts';
import { podRequests, type Usage } from './resources.ts';
import { Deadlines } from './deadlines.ts';

const SOURCE = { component: 'default-scheduler' };
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is tried again after this long anyway. */
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;

export class Scheduler implements Controller {
  readonly name = 'scheduler';
  readonly #informer: Informer;
  /** Pods waiting for a scheduling attempt, in arrival order. */
  readonly #active = new Set<string>();
  /** Pods that fit nowhere at their last attempt. */
  readonly #unschedulable = new Set<string>();
  /** When each unschedulable pod is flushed back to the active queue. */
  readonly #retries = new Deadlines();
  /** Unschedulable pods found in the store (a restored snapshot) whose retry time is still to be read. */
  readonly #found = new Set<string>();

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      // NodeUpdate requeues only for changes that can make a pod fit (not a new image list).
      if (change.resource === 'nodes' && nodeFitMayChange(change.object, change.old))
        this.#retryUnschedulable();
      if (change.resource !== 'pods') return;
      const pod = change.object as StoredPod;
      const key = keyOf(pod);
      const old = change.old as StoredPod | undefined;
      if (change.type === 'DELETED' || pod.spec?.nodeName) {
        this.#active.delete(key);
        this.#unschedulable.delete(key);
        this.#retries.set(key, undefined);
        // A pod leaving a node frees room: AssignedPodDelete moves unschedulable pods back.
        const left = change.type === 'DELETED' || (isFinished(pod) && old !== undefined && !isFinished(old));
        if (old?.spec?.nodeName && left) this.#retryUnschedulable();
        return;
      }
      if (isTerminating(pod)) return;
      if (!old && unschedulableCondition(pod)) {
        // Already tried before this scheduler started (a restored cluster): wait like the others.
        this.#unschedulable.add(key);
        this.#found.add(key);
      } else if (!this.#unschedulable.has(key) || old?.metadata.generation !== pod.metadata.generation) {
        this.#unschedulable.delete(key);
        this.#active.add(key);
      }
    });
  }

  reconcile(context: ControllerContext): void {
    this.#readRetryTimes(context);
    for (const key of this.#retries.takeDue(context.now())) {
      if (this.#unschedulable.delete(key)) this.#active.add(key);
    }
    if (this.#active.size === 0) return;
    const nodes = [...this.#informer.all('nodes')] as Typed<Node>[];
    nodes.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const usage = new Map(nodes.map((node) => [node.metadata.name, this.#usage(node.metadata.name)]));
    const queue = [...this.#active];
    this.#active.clear();
    for (const key of queue) {
      const pod = this.#informer.pod(key);
      if (!pod || pod.spec?.nodeName || isTerminating(pod)) continue;
      if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler') continue;
      this.#schedule(context, pod, nodes, usage);
    }
  }

  #schedule(
    context: ControllerContext,
    pod: StoredPod,
    nodes: Typed<Node>[],
    usage: Map<string, Usage>,
  ): void {
    const failures = new Map<string, FilterFailure>();
    let best: string[] = [];
    let bestCount = Infinity;
    for (const node of nodes) {
      const used = usage.get(node.metadata.name) ?? { pods: 0, milliCpu: 0, memory: 0 };
      const count = used.pods;
      const failure = filterNode(pod, node, used);
      if (failure) {
        failures.set(node.metadata.name, failure);
        continue;
      }
      if (count < bestCount) {
        best = [node.metadata.name];
        bestCount = count;
      } else if (count === bestCount) best.push(node.metadata.name);
    }
    if (best.length === 0) {
      this.#unschedulable.add(keyOf(pod));
      // From the attempt's whole second, as its event records it: a restored cluster reads the same time.
      this.#retries.set(keyOf(pod), Date.parse(context.timestamp()) + UNSCHEDULABLE_RETRY_MS);
      this.#markUnschedulable(context, pod, fitErrorMessage(nodes.length, [...failures.values()]));
      return;
    }
    const target = best.length === 1 ? (best[0] as string) : context.random.pick(best);
    const used = usage.get(target) ?? { pods: 0, milliCpu: 0, memory: 0 };
    const wanted = podRequests(pod.spec?.containers ?? []);
    usage.set(target, {
      pods: used.pods + 1,
      milliCpu: used.milliCpu + wanted.milliCpu,
      memory: used.memory + wanted.memory,
    });
    this.#bind(context, pod, target);
  }

  /** The pods/binding subresource: nodeName set and PodScheduled=True, in one write. */
  #bind(context: ControllerContext, pod: StoredPod, node: string): void {
    const now = context.timestamp();
    const bound = context.api.bind(pod.metadata.namespace ?? 'default', pod.metadata.name, node) as StoredPod;
    const others = (bound.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const scheduled = {
      type: 'PodScheduled',
      observedGeneration: pod.metadata.generation ?? 1,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now,
    };
    context.api.updateStatus('pods', pod.metadata.namespace, pod.metadata.name, {
      ...bound.status,
      phase: bound.status?.phase ?? 'Pending',
      conditions: [...others, scheduled],
    });
    const namespace = pod.metadata.namespace ?? 'default';
    context.events.record(
      bound,
      'Normal',
      'Scheduled',
      `Successfully assigned ${namespace}/${pod.metadata.name} to ${node}`,
      SOURCE,
    );
  }

  #markUnschedulable(context: ControllerContext, pod: StoredPod, message: string): void {
    const previous = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const condition = {
      type: 'PodScheduled',
      observedGeneration: pod.metadata.generation ?? 1,
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: previous?.status === 'False' ? previous.lastTransitionTime : context.timestamp(),
      reason: 'Unschedulable',
      message,
    };
    const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    context.api.updateStatus('pods', pod.metadata.namespace, pod.metadata.name, {
      ...pod.status,
      phase: 'Pending',
      conditions: [...others, condition],
    });
    context.events.record(pod, 'Warning', 'FailedScheduling', message, SOURCE);
  }

  /** What the node's unfinished pods hold: their number and their requests. */
  #usage(node: string): Usage {
    const used: Usage = { pods: 0, milliCpu: 0, memory: 0 };
    for (const key of this.#informer.podsOnNode(node)) {
      const pod = this.#informer.pod(key);
      if (!pod || isFinished(pod)) continue;
      const requests = podRequests(pod.spec?.containers ?? []);
      used.pods++;
      used.milliCpu += requests.milliCpu;
      used.memory += requests.memory;
    }
    return used;
  }

  nextWake(): number | undefined {
    return this.#retries.next();
  }

  #retryUnschedulable(): void {
    for (const key of this.#unschedulable) {
      this.#active.add(key);
      this.#retries.set(key, undefined);
    }
    this.#unschedulable.clear();
  }

  /** A pod found unschedulable in the store is retried five minutes after its last attempt (its event says when). */
  #readRetryTimes(context: ControllerContext): void {
    for (const key of this.#found) {
      const pod = this.#informer.pod(key);
      const condition = pod && unschedulableCondition(pod);
      if (!pod || !condition || !this.#unschedulable.has(key)) continue;
      const attempt = context.events.find(pod.metadata.uid, 'FailedScheduling', condition.message ?? '');
      const last = attempt ? Date.parse(attempt.lastTimestamp) : context.now();
      this.#retries.set(key, last + UNSCHEDULABLE_RETRY_MS);
    }
    this.#found.clear();
  }
}

function nodeFitMayChange(node: KubeObject, old: KubeObject | undefined): boolean {
  if (!old) return true;
  const fit = (n: KubeObject) =>
    JSON.stringify([n.metadata.labels, n['spec'], (n as Typed<Node>).status?.allocatable]);
  return fit(node) !== fit(old);
}

function unschedulableCondition(pod: StoredPod) {
  return pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
}

function isFinished(pod: StoredPod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * FitError.Error() followed by the PostFilter plugins' messages: DynamicResources has no claims
 * to free and DefaultPreemption finds no victims (all pods share priority 0) or sees that
 * evicting would not help.
 */
export function fitErrorMessage(nodeCount: number, failures: readonly FilterFailure[]): string {
  const filter = histogram(failures.flatMap((f) => f.reasons));
  const preemption = histogram(
    failures.map((f) =>
      f.unresolvable
        ? 'Preemption is not helpful for scheduling'
        : 'No preemption victims found for incoming pod',
    ),
  );
  const head = `0/${nodeCount} nodes are available${filter ? `: ${filter}.` : ':'}`;
  const tail = `preemption: 0/${nodeCount} nodes are available${preemption ? `: ${preemption}.` : ':'}`;
  return `${head} no new claims to deallocate, ${tail}`;
}

/** sortReasonsHistogram: "<count> <reason>" sorted as strings, joined by ", ". */
function histogram(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => `${count} ${reason}`)
    .sort()
    .join(', ');
}
