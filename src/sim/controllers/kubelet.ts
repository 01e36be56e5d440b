/**
 * The kubelets of all nodes in one controller (pkg/kubelet): a pod bound to a node gets its
 * sandbox (pod IP from the node's podCIDR), pulls its images, creates and starts its containers,
 * and reports what happens — ContainerCreating, Running and Ready, ErrImagePull and
 * ImagePullBackOff for images the registry lacks, Completed and CrashLoopBackOff for processes
 * that exit — with the kubelet's events. Every step is due at a time computed from what the pod's
 * status and events already say, so a restored snapshot resumes exactly where it stood.
 */
import type { Container, ContainerStatus, Node } from 'kubernetes-types/core/v1';
import type { Typed } from '../api/types.ts';
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { WorkQueue } from './work-queue.ts';
import { isTerminating, keyOf, timeOf, writeStatus, type StoredPod } from './objects.ts';
import {
  formatDuration,
  hex64,
  imageId,
  imageKnown,
  imageSize,
  invalidImageMessage,
  pullError,
  pullMillis,
  pullPolicy,
  qualifiedImage,
} from './image-pull.ts';
import { ignoresSigterm, probeFailure, probeSucceeds, processExit } from './container-behaviour.ts';
import {
  goSeconds,
  orderedPodStatus,
  podConditions,
  podPhase,
  qosClass,
  type PodStatus,
} from './pod-status.ts';
import { startupLogs } from '../net/images.ts';

type StoredNode = Typed<Node>;

/** A restarted container is back after this pause; a failed pull turns into back-off after it too. */
const SYNC_DELAY_MS = 1000;
/** Pod workers pick up finished pulls on this beat (see #createdAt). */
const SYNC_BEAT_MS = 250;
/** How long a failing pull attempt takes before the registry says no. */
const FAILED_PULL_MS = 800;
/** kubelet's image and container back-off: 10s doubling up to 5 minutes. */
const BACKOFF_BASE_S = 10;
const BACKOFF_MAX_S = 300;

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
    if (isTerminating(pod)) return this.#terminate(context, pod);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return undefined;
    if (!pod.status?.startTime) {
      this.#startPod(context, pod, node);
      pod = this.#informer.pod(keyOf(pod)) ?? pod;
    }
    return new PodRun(context, pod, node, this).advance();
  }

  /** First sync on the node: sandbox, IP, and every container waiting on its image. */
  #startPod(context: ControllerContext, pod: StoredPod, node: StoredNode): void {
    const now = context.timestamp();
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const podIP = pod.spec?.hostNetwork ? hostIP : context.podIPs.allocate(this.#informer, node);
    const statuses: ContainerStatus[] = [];
    for (const container of pod.spec?.containers ?? []) {
      statuses.push(this.#prepareContainer(context, pod, node, container));
    }
    const status: PodStatus = {
      observedGeneration: pod.metadata.generation ?? 1,
      hostIP,
      hostIPs: [{ ip: hostIP }],
      ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
      startTime: now,
      containerStatuses: statuses,
      qosClass: pod.status?.qosClass ?? qosClass(pod.spec?.containers ?? []),
    };
    const phase = podPhase(pod, statuses);
    status.phase = phase;
    status.conditions = podConditions(pod, phase, statuses, now);
    context.api.updateStatus('pods', pod.metadata.namespace, pod.metadata.name, orderedPodStatus(status));
  }

  #prepareContainer(
    context: ControllerContext,
    pod: StoredPod,
    node: StoredNode,
    container: Container,
  ): ContainerStatus {
    const image = container.image ?? '';
    const base: ContainerStatus = {
      name: container.name,
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image,
      imageID: '',
      started: false,
      ...volumeMounts(container),
    };
    const path = fieldPath(container);
    const source = kubeletSource(node);
    const invalid = invalidImageMessage(image);
    if (invalid) {
      context.events.record(pod, 'Warning', 'InspectFailed', invalid, source, path);
      context.events.record(pod, 'Warning', 'Failed', 'Error: InvalidImageName', source, path);
      return { ...base, state: { waiting: { reason: 'InvalidImageName', message: invalid } } };
    }
    const policy = pullPolicy(image, container.imagePullPolicy);
    const present = nodeHasImage(node, image);
    if (policy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      context.events.record(pod, 'Warning', 'ErrImageNeverPull', message, source, path);
      context.events.record(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', source, path);
      return { ...base, state: { waiting: { reason: 'ErrImageNeverPull', message } } };
    }
    if (policy === 'Always' || !present) {
      context.events.record(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, source, path);
    }
    return base;
  }

  /** A pod being deleted: stop its containers, then remove it once they are down or the grace period ends. */
  #terminate(context: ControllerContext, pod: StoredPod): number | undefined {
    const node = pod.spec?.nodeName ?? '';
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 0;
    const deadline = timeOf(pod.metadata.deletionTimestamp);
    const start = deadline - grace * 1000;
    let prompt = true;
    for (const container of pod.spec?.containers ?? []) {
      const status = pod.status?.containerStatuses?.find((s) => s.name === container.name);
      if (!status?.state?.running) continue;
      const message = `Stopping container ${container.name}`;
      const path = fieldPath(container);
      if (!context.events.find(pod.metadata.uid, 'Killing', message, path)) {
        context.events.record(pod, 'Normal', 'Killing', message, { component: 'kubelet', host: node }, path);
      }
      // Servers shut down on SIGTERM; a shell or sleep as PID 1 ignores it and waits for SIGKILL.
      if (ignoresSigterm(container)) prompt = false;
    }
    const removeAt = Math.min(deadline, start + (prompt ? SYNC_DELAY_MS : grace * 1000));
    if (context.now() < removeAt) return removeAt;
    context.api.remove('pods', pod.metadata.namespace, pod.metadata.name);
    context.logs.forget(pod.metadata.namespace ?? 'default', pod.metadata.name);
    return undefined;
  }

  /** The node now holds the image (status.images), as the kubelet reports after a pull. */
  recordImage(context: ControllerContext, nodeName: string, image: string): void {
    const node = this.#informer.get('nodes', undefined, nodeName) as StoredNode | undefined;
    if (!node || nodeHasImage(node, image)) return;
    const images = [
      ...(node.status?.images ?? []),
      { names: [imageId(image), qualifiedImage(image)], sizeBytes: imageSize(image) },
    ];
    context.api.updateStatus('nodes', undefined, nodeName, { ...node.status, images });
  }
}

/**
 * One sync of a started pod: apply every container transition that is due, then write the
 * status once. A transition is due at a time read from the status and the events.
 */
class PodRun {
  readonly #context: ControllerContext;
  readonly #pod: StoredPod;
  readonly #node: StoredNode;
  readonly #kubelet: Kubelet;
  readonly #now: number;

  constructor(context: ControllerContext, pod: StoredPod, node: StoredNode, kubelet: Kubelet) {
    this.#context = context;
    this.#pod = pod;
    this.#node = node;
    this.#kubelet = kubelet;
    this.#now = context.now();
  }

  advance(): number | undefined {
    const pod = this.#pod;
    const containers = pod.spec?.containers ?? [];
    const statuses = containers.map(
      (c) => structuredClone(pod.status?.containerStatuses?.find((s) => s.name === c.name)) ?? creating(c),
    );
    let next: number | undefined;
    containers.forEach((container, i) => {
      for (let step = 0; step < 8; step++) {
        const due = this.#due(container, statuses[i] as ContainerStatus);
        if (due === undefined || due > this.#now) {
          if (due !== undefined) next = Math.min(next ?? Infinity, due);
          break;
        }
        statuses[i] = this.#step(container, statuses[i] as ContainerStatus);
      }
      // Containers the cluster came with were started before any kubelet sync: their first lines now.
      const running = statuses[i]?.state?.running;
      const logs = this.#context.logs.read(
        pod.metadata.namespace ?? 'default',
        pod.metadata.name,
        container.name,
      );
      if (running && logs.length === 0) this.#logStartup(container, timeOf(running.startedAt));
      const readyAt = this.#readiness(container, statuses[i] as ContainerStatus);
      if (readyAt !== undefined && readyAt > this.#now) next = Math.min(next ?? Infinity, readyAt);
      const probeAt = this.#failingProbe(container, statuses[i] as ContainerStatus);
      if (probeAt !== undefined) next = Math.min(next ?? Infinity, probeAt);
    });
    const now = this.#context.timestamp();
    const phase = podPhase(pod, statuses);
    const status: PodStatus = {
      ...pod.status,
      observedGeneration: pod.metadata.generation ?? 1,
      phase,
      containerStatuses: statuses,
    };
    status.conditions = podConditions(pod, phase, statuses, now);
    writeStatus(this.#context.api, 'pods', pod, orderedPodStatus(status));
    return next;
  }

  #source() {
    return kubeletSource(this.#node);
  }

  #record(container: Container, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.#context.events.record(this.#pod, type, reason, message, this.#source(), fieldPath(container));
  }

  #find(container: Container, reason: string, message: string) {
    return this.#context.events.find(this.#pod.metadata.uid, reason, message, fieldPath(container));
  }

  /** When this container's next transition happens, if ever. */
  #due(container: Container, status: ContainerStatus): number | undefined {
    const image = container.image ?? '';
    const state = status.state ?? {};
    if (state.waiting?.reason === 'ContainerCreating') return this.#createdAt(container);
    if (this.#imageChanged(container, status)) return this.#now;
    if (state.running) {
      const exit = processExit(container);
      return exit === undefined ? undefined : timeOf(state.running.startedAt) + exit.after;
    }
    if (state.terminated) {
      if (!this.#restarts(state.terminated.exitCode)) return undefined;
      return timeOf(state.terminated.finishedAt) + SYNC_DELAY_MS;
    }
    if (state.waiting?.reason === 'CrashLoopBackOff') {
      return timeOf(status.lastState?.terminated?.finishedAt) + backoffSeconds(status.restartCount) * 1000;
    }
    const failed = this.#find(container, 'Failed', `Failed to pull image "${image}": ${pullError(image)}`);
    if (!failed) return undefined;
    if (state.waiting?.reason === 'ErrImagePull') return timeOf(failed.lastTimestamp) + SYNC_DELAY_MS;
    if (state.waiting?.reason === 'ImagePullBackOff') {
      const pulling = this.#find(container, 'Pulling', `Pulling image "${image}"`);
      if (pulling && pulling.count > failed.count) return timeOf(pulling.lastTimestamp) + FAILED_PULL_MS;
      return timeOf(failed.lastTimestamp) + backoffSeconds(failed.count) * 1000;
    }
    return undefined;
  }

  #restarts(exitCode: number): boolean {
    const policy = this.#pod.spec?.restartPolicy ?? 'Always';
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }

  /**
   * When the container is created: its pull, then the wait for the kubelet's next pod sync, which
   * comes on a 250 ms beat. The beat is what lets a deployment of 500 pods settle in a few dozen
   * steps rather than 500, each of which rewrites the service's endpoints.
   */
  #createdAt(container: Container): number {
    return this.#pullStart(container) + Math.ceil(this.#pullTime(container) / SYNC_BEAT_MS) * SYNC_BEAT_MS;
  }

  /** The pull began when its Pulling event was last recorded (a restart with a new image), or at pod start. */
  #pullStart(container: Container): number {
    const start = timeOf(this.#pod.status?.startTime);
    const pulling = this.#find(container, 'Pulling', `Pulling image "${container.image ?? ''}"`);
    return Math.max(start, pulling ? timeOf(pulling.lastTimestamp) : 0);
  }

  /** Pull time: from the Pulling event if there was one, else the short start of a present image. */
  #pullTime(container: Container): number {
    const pulled = this.#find(container, 'Pulling', `Pulling image "${container.image ?? ''}"`);
    const seed = `${this.#pod.metadata.uid}/${container.name}/${container.image ?? ''}`;
    return pulled ? pullMillis(seed, false) : 200 + Math.floor(pullMillis(seed, true) / 3);
  }

  /** Apply the transition that is due. */
  #step(container: Container, status: ContainerStatus): ContainerStatus {
    const image = container.image ?? '';
    const state = status.state ?? {};
    if (state.waiting?.reason === 'ContainerCreating') {
      if (!imageKnown(image)) return this.#pullFailed(container, status);
      if (this.#find(container, 'Pulling', `Pulling image "${image}"`)) {
        const took = formatDuration(this.#pullTime(container));
        const waited = formatDuration(this.#createdAt(container) - this.#pullStart(container));
        const size = imageSize(image);
        this.#record(
          container,
          'Normal',
          'Pulled',
          `Successfully pulled image "${image}" in ${took} (${waited} including waiting). Image size: ${size} bytes.`,
        );
        this.#kubelet.recordImage(this.#context, this.#node.metadata.name, image);
      } else {
        this.#record(
          container,
          'Normal',
          'Pulled',
          `Container image "${image}" already present on machine and can be accessed by the pod`,
        );
      }
      const restarted = status.lastState?.terminated !== undefined;
      return this.#start(container, (status.restartCount ?? 0) + (restarted ? 1 : 0), status.lastState ?? {});
    }
    if (this.#imageChanged(container, status)) return this.#replace(container, status);
    if (state.running) {
      const startedAt = state.running.startedAt;
      const exitCode = processExit(container)?.exitCode ?? 0;
      return {
        ...status,
        state: {
          terminated: {
            exitCode,
            reason: exitCode === 0 ? 'Completed' : 'Error',
            startedAt,
            finishedAt: this.#context.timestamp(),
            ...(status.containerID ? { containerID: status.containerID } : {}),
          },
        },
        ready: false,
        started: false,
      };
    }
    if (state.terminated) {
      const last = { terminated: state.terminated };
      if ((status.restartCount ?? 0) === 0) return this.#restart(container, status, last);
      const backoff = goSeconds(backoffSeconds(status.restartCount));
      const pod = podRef(this.#pod);
      this.#record(
        container,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${container.name} in pod ${pod}`,
      );
      const message = `back-off ${backoff} restarting failed container=${container.name} pod=${pod}`;
      return {
        ...status,
        state: { waiting: { reason: 'CrashLoopBackOff', message } },
        lastState: last,
        ready: false,
        started: false,
      };
    }
    if (state.waiting?.reason === 'CrashLoopBackOff')
      return this.#restart(container, status, status.lastState ?? {});
    if (state.waiting?.reason === 'ErrImagePull') {
      this.#record(container, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
      this.#record(container, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      const message = `Back-off pulling image "${image}": ErrImagePull: ${pullError(image)}`;
      return { ...status, state: { waiting: { reason: 'ImagePullBackOff', message } } };
    }
    if (state.waiting?.reason === 'ImagePullBackOff') {
      const pulling = this.#find(container, 'Pulling', `Pulling image "${image}"`);
      const failed = this.#find(container, 'Failed', `Failed to pull image "${image}": ${pullError(image)}`);
      if (pulling && failed && pulling.count > failed.count) return this.#pullFailed(container, status);
      this.#record(container, 'Normal', 'Pulling', `Pulling image "${image}"`);
      return status;
    }
    return status;
  }

  /** What the app prints as it starts, from the image catalog, into the container's log. */
  #logStartup(container: Container, time: number): void {
    const pod = this.#pod;
    for (const line of startupLogs(container.image ?? '', { pod, container, now: time })) {
      this.#context.logs.append(
        pod.metadata.namespace ?? 'default',
        pod.metadata.name,
        container.name,
        time,
        line,
      );
    }
  }

  /** The spec names another image than the one the container runs (`kubectl edit` of a pod). */
  #imageChanged(container: Container, status: ContainerStatus): boolean {
    return (
      status.imageID !== '' &&
      status.imageID !== undefined &&
      status.image !== qualifiedImage(container.image ?? '')
    );
  }

  /** A changed container definition: the kubelet kills the container and starts the new image. */
  #replace(container: Container, status: ContainerStatus): ContainerStatus {
    const image = container.image ?? '';
    const state = status.state ?? {};
    let lastState = status.lastState ?? {};
    if (state.running) {
      this.#record(
        container,
        'Normal',
        'Killing',
        `Container ${container.name} definition changed, will be restarted`,
      );
      const finishedAt = this.#context.timestamp();
      lastState = {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: state.running.startedAt,
          finishedAt,
          containerID: status.containerID ?? '',
        },
      };
    } else if (state.terminated) {
      lastState = { terminated: state.terminated };
    }
    if (pullPolicy(image, container.imagePullPolicy) === 'Always' || !nodeHasImage(this.#node, image)) {
      this.#record(container, 'Normal', 'Pulling', `Pulling image "${image}"`);
    }
    return { ...creating(container), restartCount: status.restartCount ?? 0, lastState };
  }

  #pullFailed(container: Container, status: ContainerStatus): ContainerStatus {
    const image = container.image ?? '';
    const error = pullError(image);
    this.#record(container, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
    this.#record(container, 'Warning', 'Failed', 'Error: ErrImagePull');
    return { ...status, state: { waiting: { reason: 'ErrImagePull', message: error } } };
  }

  /** Start the container again after it exited: pull per policy, then create and start. */
  #restart(
    container: Container,
    status: ContainerStatus,
    lastState: ContainerStatus['lastState'],
  ): ContainerStatus {
    const image = container.image ?? '';
    if (pullPolicy(image, container.imagePullPolicy) === 'Always') {
      const took = formatDuration(
        pullMillis(`${this.#pod.metadata.uid}/${container.name}/${status.restartCount}`, true),
      );
      this.#record(container, 'Normal', 'Pulling', `Pulling image "${image}"`);
      this.#record(
        container,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSize(image)} bytes.`,
      );
    } else {
      this.#record(
        container,
        'Normal',
        'Pulled',
        `Container image "${image}" already present on machine and can be accessed by the pod`,
      );
    }
    return this.#start(container, (status.restartCount ?? 0) + 1, lastState ?? {});
  }

  #start(
    container: Container,
    restartCount: number,
    lastState: ContainerStatus['lastState'],
  ): ContainerStatus {
    const image = container.image ?? '';
    this.#record(container, 'Normal', 'Created', `Created container: ${container.name}`);
    this.#record(container, 'Normal', 'Started', `Started container ${container.name}`);
    this.#logStartup(container, this.#context.now());
    return {
      name: container.name,
      state: { running: { startedAt: this.#context.timestamp() } },
      lastState: lastState ?? {},
      ready: false,
      restartCount,
      image: qualifiedImage(image),
      imageID: imageId(image),
      containerID: `containerd://${hex64(`${this.#pod.metadata.uid}/${container.name}/${restartCount}`)}`,
      started: true,
      ...volumeMounts(container),
      user: { linux: { uid: 0, gid: 0, supplementalGroups: [0] } },
    } as ContainerStatus;
  }

  /** Sets `ready` on a running container; returns when a passing readiness probe will first succeed. */
  #readiness(container: Container, status: ContainerStatus): number | undefined {
    const running = status.state?.running;
    if (!running) {
      status.ready = false;
      return undefined;
    }
    const probe = container.readinessProbe;
    if (!probe) {
      status.ready = true;
      return undefined;
    }
    if (!probeSucceeds(container, probe)) {
      status.ready = false;
      return undefined;
    }
    const readyAt = timeOf(running.startedAt) + (probe.initialDelaySeconds ?? 0) * 1000;
    status.ready = this.#now >= readyAt;
    return readyAt;
  }

  /** A readiness probe that keeps failing: an Unhealthy event every period; returns the next one. */
  #failingProbe(container: Container, status: ContainerStatus): number | undefined {
    const running = status.state?.running;
    const probe = container.readinessProbe;
    if (!running || !probe || probeSucceeds(container, probe)) return undefined;
    const message = probeFailure(container, probe, this.#pod.status?.podIP ?? '', 'Readiness');
    const period = (probe.periodSeconds ?? 10) * 1000;
    const previous = this.#find(container, 'Unhealthy', message);
    const first = timeOf(running.startedAt) + (probe.initialDelaySeconds ?? 0) * 1000;
    const due =
      previous && timeOf(previous.lastTimestamp) >= first ? timeOf(previous.lastTimestamp) + period : first;
    if (due > this.#now) return due;
    this.#record(container, 'Warning', 'Unhealthy', message);
    return this.#now - (this.#now % 1000) + period;
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

function creating(container: Container): ContainerStatus {
  return {
    name: container.name,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
    ready: false,
    restartCount: 0,
    image: container.image ?? '',
    imageID: '',
    started: false,
  };
}

function backoffSeconds(failures: number | undefined): number {
  return Math.min(BACKOFF_BASE_S * 2 ** Math.max(0, (failures ?? 1) - 1), BACKOFF_MAX_S);
}

function fieldPath(container: Container): string {
  return `spec.containers{${container.name}}`;
}

function kubeletSource(node: StoredNode) {
  return { component: 'kubelet', host: node.metadata.name };
}

/** format.Pod: `name_namespace(uid)`. */
function podRef(pod: StoredPod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`;
}

function nodeHasImage(node: StoredNode, image: string): boolean {
  const qualified = qualifiedImage(image);
  return node.status?.images?.some((i) => i.names?.includes(qualified)) ?? false;
}

/** containerStatuses[].volumeMounts mirror the container's mounts (RecursiveReadOnlyMounts reports Disabled). */
function volumeMounts(container: Container): Partial<ContainerStatus> {
  const mounts = container.volumeMounts ?? [];
  if (mounts.length === 0) return {};
  return {
    volumeMounts: mounts.map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    })),
  };
}
