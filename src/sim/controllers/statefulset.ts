/**
 * The StatefulSet controller (pkg/controller/statefulset, OrderedReady and Parallel pod
 * management): pods named `<set>-<ordinal>`, each with `hostname` = its name and `subdomain` =
 * the set's serviceName so that a headless Service gives it a DNS name of its own. Under
 * OrderedReady, web-1 is created only once web-0 is Running and Ready, a scale-down removes the
 * highest ordinal first and waits for it to be gone, and a rolling update replaces pods from the
 * highest ordinal down. A pod that is deleted is made again under the same name.
 */
import type { KubeObject, StatefulSet, Typed } from '../api/types.ts';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { WorkQueue } from './work-queue.ts';
import {
  controllerOf,
  controllerReference,
  isPodReady,
  isTerminating,
  keyOf,
  objectKey,
  writeStatus,
  type StoredPod,
} from './objects.ts';
import { computeHash } from './pod-template-hash.ts';

type StoredStatefulSet = Typed<StatefulSet>;

const SOURCE = { component: 'statefulset-controller' };
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

export class StatefulSetController implements KeyedController {
  readonly name = 'statefulset-controller';
  readonly #informer: Informer;
  readonly queue = new WorkQueue({ rounds: Infinity });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource === 'statefulsets') this.queue.add(keyOf(change.object));
      if (change.resource !== 'pods') return;
      for (const object of [change.object, change.old]) {
        const owner = object && controllerOf(object);
        if (object && owner?.kind === 'StatefulSet')
          this.queue.add(objectKey(object.metadata.namespace, owner.name));
      }
    });
  }

  sync(context: ControllerContext, key: string): void {
    const set = this.#informer.getByKey('statefulsets', key) as StoredStatefulSet | undefined;
    if (!set || isTerminating(set)) return;
    this.#reconcile(context, set);
    this.#updateStatus(context, set);
  }

  /** The pods this set controls, by ordinal. */
  #ownedPods(set: StoredStatefulSet): Map<number, StoredPod> {
    const pods = new Map<number, StoredPod>();
    for (const ref of this.#informer.dependentsOf(set.metadata.uid ?? '')) {
      if (!ref.startsWith('pods|')) continue;
      const pod = this.#informer.pod(ref.slice(5));
      const ordinal = pod && ordinalOf(set, pod);
      if (pod && ordinal !== undefined && controllerOf(pod)?.uid === set.metadata.uid) pods.set(ordinal, pod);
    }
    return pods;
  }

  /** updateStatefulSet (stateful_set_control.go), one step at a time under OrderedReady. */
  #reconcile(context: ControllerContext, set: StoredStatefulSet): void {
    const replicas = set.spec?.replicas ?? 1;
    const ordered = (set.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const pods = this.#ownedPods(set);
    const revision = updateRevision(set);
    for (let ordinal = 0; ordinal < replicas; ordinal++) {
      const pod = pods.get(ordinal);
      if (pod && ['Failed', 'Succeeded'].includes(pod.status?.phase ?? '') && !isTerminating(pod)) {
        this.#deletePod(context, set, pod);
        if (ordered) return;
        continue;
      }
      if (!pod) {
        this.#createPod(context, set, ordinal, revision);
        if (ordered) return;
        continue;
      }
      if (ordered && (isTerminating(pod) || !isRunningAndReady(pod))) return;
    }
    // Condemned pods go from the highest ordinal down, each after its successors are gone.
    const condemned = [...pods.keys()].filter((ordinal) => ordinal >= replicas).sort((a, b) => b - a);
    for (const ordinal of condemned) {
      const pod = pods.get(ordinal);
      if (!pod) continue;
      if (isTerminating(pod)) {
        if (ordered) return;
        continue;
      }
      this.#deletePod(context, set, pod);
      if (ordered) return;
    }
    if (set.spec?.updateStrategy?.type === 'OnDelete') return;
    // RollingUpdate: the highest ordinal at or above the partition whose revision is stale goes first.
    const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let ordinal = replicas - 1; ordinal >= partition; ordinal--) {
      const pod = pods.get(ordinal);
      if (!pod || isTerminating(pod)) return;
      if (pod.metadata.labels?.[REVISION_LABEL] !== revision) {
        this.#deletePod(context, set, pod);
        return;
      }
      if (!isRunningAndReady(pod)) return;
    }
  }

  #createPod(context: ControllerContext, set: StoredStatefulSet, ordinal: number, revision: string): void {
    const template = set.spec?.template ?? {};
    const name = `${set.metadata.name}-${ordinal}`;
    const spec = structuredClone(template.spec ?? { containers: [] });
    spec.hostname = name;
    if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: set.metadata.namespace,
        labels: {
          ...template.metadata?.labels,
          [POD_INDEX_LABEL]: String(ordinal),
          [REVISION_LABEL]: revision,
          [POD_NAME_LABEL]: name,
        },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [controllerReference(set)],
      },
      spec,
    };
    context.api.create('pods', pod, { fieldManager: 'kube-controller-manager' });
    context.events.record(
      set,
      'Normal',
      'SuccessfulCreate',
      `create Pod ${name} in StatefulSet ${set.metadata.name} successful`,
      SOURCE,
    );
  }

  #deletePod(context: ControllerContext, set: StoredStatefulSet, pod: StoredPod): void {
    context.api.delete('pods', pod.metadata.namespace, pod.metadata.name);
    context.events.record(
      set,
      'Normal',
      'SuccessfulDelete',
      `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
      SOURCE,
    );
  }

  /** computeReplicaStatus: created pods, running-and-ready ones, and how many carry each revision. */
  #updateStatus(context: ControllerContext, stale: StoredStatefulSet): void {
    const set =
      (this.#informer.getByKey('statefulsets', keyOf(stale)) as StoredStatefulSet | undefined) ?? stale;
    const revision = updateRevision(set);
    const previous = set.status?.currentRevision ?? revision;
    let replicas = 0;
    let ready = 0;
    let current = 0;
    let updated = 0;
    for (const pod of this.#ownedPods(set).values()) {
      if (pod.status?.phase) replicas++;
      if (isRunningAndReady(pod)) ready++;
      if (!pod.status?.phase || isTerminating(pod)) continue;
      const podRevision = pod.metadata.labels?.[REVISION_LABEL];
      if (podRevision === previous) current++;
      if (podRevision === revision) updated++;
    }
    // Once every pod runs the update revision, it becomes the current one.
    const complete = updated === (set.spec?.replicas ?? 1) && updated === replicas;
    const status: Record<string, unknown> = {
      availableReplicas: ready,
      collisionCount: 0,
      currentReplicas: complete ? updated : current,
      currentRevision: complete ? revision : previous,
      observedGeneration: set.metadata.generation ?? 1,
      readyReplicas: ready,
      replicas,
      updateRevision: revision,
      updatedReplicas: updated,
    };
    for (const key of ['currentReplicas', 'readyReplicas', 'updatedReplicas'])
      if (status[key] === 0) delete status[key];
    writeStatus(context.api, 'statefulsets', set, status);
  }
}

/** The ControllerRevision name of the set's template: `<set>-<hash>`, the pods' controller-revision-hash. */
export function updateRevision(set: StoredStatefulSet): string {
  return `${set.metadata.name}-${computeHash(set.spec?.template ?? {})}`;
}

/** getParentNameAndOrdinal: `<set>-<n>` belongs to set at ordinal n. */
function ordinalOf(set: StoredStatefulSet, pod: StoredPod): number | undefined {
  const match = /^(.*)-(\d+)$/.exec(pod.metadata.name);
  if (!match || match[1] !== set.metadata.name) return undefined;
  return Number(match[2]);
}

function isRunningAndReady(pod: StoredPod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}
