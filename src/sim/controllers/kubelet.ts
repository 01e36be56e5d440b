/**
 * The kubelets of all nodes in one controller (pkg/kubelet): a pod bound to a node gets its
 * sandbox (pod IP from the node's podCIDR), pulls its images, creates and starts its containers,
 * and reports what happens — ContainerCreating, Running and Ready, ErrImagePull and
 * ImagePullBackOff for images the registry lacks, Completed and CrashLoopBackOff for processes
 * that exit — with the kubelet's events. The container lifecycle is the stage table of
 * container-stages.ts; every stage is due at a time read from what the pod's status and events
 * already say, so a restored snapshot resumes exactly where it stood.
 */
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { WorkQueue } from './work-queue.ts';
import { isTerminating, keyOf, type StoredPod } from './objects.ts';
import type { StoredNode } from './node-images.ts';
import { startPod } from './pod-start.ts';
import { syncContainers } from './pod-sync.ts';
import { terminatePod } from './pod-termination.ts';

export class Kubelet implements KeyedController {
  readonly name = 'kubelet';
  readonly #informer: Informer;
  /** A sync can start what another sync of the same pod then finishes (a pull, then the start): ten rounds at most. */
  readonly queue = new WorkQueue({ rounds: 10 });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource !== 'pods') return;
      const key = keyOf(change.object);
      if (change.type === 'DELETED') this.queue.setDeadline(key, undefined);
      else if (
        (change.object as StoredPod).spec?.nodeName &&
        concernsKubelet(change.object as StoredPod, change.old as StoredPod)
      ) {
        this.queue.add(key);
      }
    });
  }

  sync(context: ControllerContext, key: string): void {
    const pod = this.#informer.pod(key);
    if (pod) this.queue.setDeadline(key, this.#syncPod(context, pod));
  }

  /** Bring one pod up to date; returns when it next needs attention. */
  #syncPod(context: ControllerContext, pod: StoredPod): number | undefined {
    const node = this.#informer.get('nodes', undefined, pod.spec?.nodeName ?? '') as StoredNode | undefined;
    if (!node) return undefined;
    if (isTerminating(pod)) return terminatePod(context, pod);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return undefined;
    if (!pod.status?.startTime) {
      startPod(context, this.#informer, pod, node);
      pod = this.#informer.pod(keyOf(pod)) ?? pod;
    }
    return syncContainers({ context, informer: this.#informer, pod, node, now: context.now() });
  }
}

/**
 * Only what the kubelet did not write itself wakes it: a new binding, a spec update, a deletion.
 * Its own status writes would only make it look at the same pod again; time is in the deadlines.
 */
function concernsKubelet(pod: StoredPod, old: StoredPod | undefined): boolean {
  return (
    !old ||
    old.spec?.nodeName !== pod.spec?.nodeName ||
    old.metadata.generation !== pod.metadata.generation ||
    old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp
  );
}
