/**
 * One container of a pod as the kubelet's sync finds it: its spec, its status, what its events
 * already say (the pull in flight, the last failure), and the moves the lifecycle stages make
 * from there (start, stop, restart, replace, fail a pull), each recording the kubelet's events.
 * Every time it reads comes from the status or the events, never from memory.
 */
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1';
import type { ControllerContext } from './controller.ts';
import type { Informer } from './informer.ts';
import type { RecordedEvent } from './events.ts';
import { timeOf, type StoredPod } from './objects.ts';
import {
  formatDuration,
  hex64,
  imageId,
  imageSize,
  pullError,
  pullMillis,
  pullPolicy,
  qualifiedImage,
} from './image-pull.ts';
import { nodeHasImage, recordNodeImage, type StoredNode } from './node-images.ts';
import { startupLogs } from '../net/images.ts';

/** Pod workers pick up finished pulls on this beat (see `createdAt`). */
const SYNC_BEAT_MS = 250;

/** What one pod sync shares between its containers. */
export interface PodSyncScope {
  context: ControllerContext;
  informer: Informer;
  pod: StoredPod;
  node: StoredNode;
  /** The sync's virtual time (ms). */
  now: number;
}

export class ContainerRun {
  readonly #scope: PodSyncScope;
  readonly container: Container;
  readonly status: ContainerStatus;

  constructor(scope: PodSyncScope, container: Container, status: ContainerStatus) {
    this.#scope = scope;
    this.container = container;
    this.status = status;
  }

  get now(): number {
    return this.#scope.now;
  }

  get image(): string {
    return this.container.image ?? '';
  }

  get name(): string {
    return this.container.name;
  }

  /** The waiting reason, if the container is waiting. */
  get waiting(): string | undefined {
    return this.status.state?.waiting?.reason;
  }

  /** The last "Pulling image" event of this image. */
  pulling(): RecordedEvent | undefined {
    return this.find('Pulling', `Pulling image "${this.image}"`);
  }

  /** The last "Failed to pull image" event of this image. */
  pullFailure(): RecordedEvent | undefined {
    return this.find('Failed', `Failed to pull image "${this.image}": ${pullError(this.image)}`);
  }

  /** A retry's Pulling is recorded and its failure is not yet. */
  retryPulling(): boolean {
    const pulling = this.pulling();
    const failed = this.pullFailure();
    return pulling !== undefined && failed !== undefined && pulling.count > failed.count;
  }

  find(reason: string, message: string): RecordedEvent | undefined {
    return this.#scope.context.events.find(
      this.#scope.pod.metadata.uid,
      reason,
      message,
      fieldPath(this.container),
    );
  }

  record(type: 'Normal' | 'Warning', reason: string, message: string): void {
    const { context, pod, node } = this.#scope;
    context.events.record(pod, type, reason, message, kubeletSource(node), fieldPath(this.container));
  }

  /** The restart policy brings the container back after it exited with this code. */
  restartsAfter(exitCode: number): boolean {
    const policy = this.#scope.pod.spec?.restartPolicy ?? 'Always';
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }

  /** The spec names another image than the one the container runs (`kubectl edit` of a pod). */
  imageChanged(): boolean {
    return (
      this.status.imageID !== '' &&
      this.status.imageID !== undefined &&
      this.status.image !== qualifiedImage(this.image)
    );
  }

  /**
   * When the container is created: its pull, then the wait for the kubelet's next pod sync, which
   * comes on a 250 ms beat. The beat is what lets a deployment of 500 pods settle in a few dozen
   * steps rather than 500, each of which rewrites the service's endpoints.
   */
  createdAt(): number {
    return this.#pullStart() + Math.ceil(this.#pullTime() / SYNC_BEAT_MS) * SYNC_BEAT_MS;
  }

  /** The pull began when its Pulling event was last recorded (a restart with a new image), or at pod start. */
  #pullStart(): number {
    const start = timeOf(this.#scope.pod.status?.startTime);
    const pulling = this.pulling();
    return Math.max(start, pulling ? timeOf(pulling.lastTimestamp) : 0);
  }

  /** Pull time: from the Pulling event if there was one, else the short start of a present image. */
  #pullTime(): number {
    const seed = `${this.#scope.pod.metadata.uid}/${this.name}/${this.image}`;
    return this.pulling() ? pullMillis(seed, false) : 200 + Math.floor(pullMillis(seed, true) / 3);
  }

  /** The image is there (pulled now, or already present): create and start the container. */
  pulledAndStarted(): ContainerStatus {
    const image = this.image;
    if (this.pulling()) {
      const took = formatDuration(this.#pullTime());
      const waited = formatDuration(this.createdAt() - this.#pullStart());
      this.record(
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${waited} including waiting). Image size: ${imageSize(image)} bytes.`,
      );
      recordNodeImage(this.#scope.context, this.#scope.informer, this.#scope.node.metadata.name, image);
    } else {
      this.#recordPresent();
    }
    const restarted = this.status.lastState?.terminated !== undefined;
    return this.start((this.status.restartCount ?? 0) + (restarted ? 1 : 0), this.status.lastState ?? {});
  }

  /** The registry said no: ErrImagePull. */
  pullFailed(): ContainerStatus {
    const error = pullError(this.image);
    this.record('Warning', 'Failed', `Failed to pull image "${this.image}": ${error}`);
    this.record('Warning', 'Failed', 'Error: ErrImagePull');
    return { ...this.status, state: { waiting: { reason: 'ErrImagePull', message: error } } };
  }

  /** The main process ended with the exit code its command gives. */
  exited(exitCode: number): ContainerStatus {
    const status = this.status;
    return {
      ...status,
      state: {
        terminated: {
          exitCode,
          reason: exitCode === 0 ? 'Completed' : 'Error',
          startedAt: status.state?.running?.startedAt,
          finishedAt: this.#scope.context.timestamp(),
          ...(status.containerID ? { containerID: status.containerID } : {}),
        },
      },
      ready: false,
      started: false,
    };
  }

  /** A changed container definition: the kubelet kills the container and starts the new image. */
  replaced(): ContainerStatus {
    const image = this.image;
    const state = this.status.state ?? {};
    let lastState = this.status.lastState ?? {};
    if (state.running) {
      this.record('Normal', 'Killing', `Container ${this.name} definition changed, will be restarted`);
      lastState = {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: state.running.startedAt,
          finishedAt: this.#scope.context.timestamp(),
          containerID: this.status.containerID ?? '',
        },
      };
    } else if (state.terminated) {
      lastState = { terminated: state.terminated };
    }
    if (
      pullPolicy(image, this.container.imagePullPolicy) === 'Always' ||
      !nodeHasImage(this.#scope.node, image)
    ) {
      this.record('Normal', 'Pulling', `Pulling image "${image}"`);
    }
    return { ...creatingStatus(this.container), restartCount: this.status.restartCount ?? 0, lastState };
  }

  /** Start the container again after it exited: pull per policy, then create and start. */
  restarted(lastState: ContainerStatus['lastState']): ContainerStatus {
    const image = this.image;
    if (pullPolicy(image, this.container.imagePullPolicy) === 'Always') {
      const took = formatDuration(
        pullMillis(`${this.#scope.pod.metadata.uid}/${this.name}/${this.status.restartCount}`, true),
      );
      this.record('Normal', 'Pulling', `Pulling image "${image}"`);
      this.record(
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSize(image)} bytes.`,
      );
    } else {
      this.#recordPresent();
    }
    return this.start((this.status.restartCount ?? 0) + 1, lastState ?? {});
  }

  #recordPresent(): void {
    this.record(
      'Normal',
      'Pulled',
      `Container image "${this.image}" already present on machine and can be accessed by the pod`,
    );
  }

  start(restartCount: number, lastState: ContainerStatus['lastState']): ContainerStatus {
    const { context, pod } = this.#scope;
    const image = this.image;
    this.record('Normal', 'Created', `Created container: ${this.name}`);
    this.record('Normal', 'Started', `Started container ${this.name}`);
    this.logStartup(context.now());
    return {
      name: this.name,
      state: { running: { startedAt: context.timestamp() } },
      lastState: lastState ?? {},
      ready: false,
      restartCount,
      image: qualifiedImage(image),
      imageID: imageId(image),
      containerID: `containerd://${hex64(`${pod.metadata.uid}/${this.name}/${restartCount}`)}`,
      started: true,
      ...volumeMounts(this.container),
      user: { linux: { uid: 0, gid: 0, supplementalGroups: [0] } },
    } as ContainerStatus;
  }

  /** What the app prints as it starts, from the image catalog, into the container's log. */
  logStartup(time: number): void {
    const { context, pod } = this.#scope;
    for (const line of startupLogs(this.image, { pod, container: this.container, now: time })) {
      context.logs.append(pod.metadata.namespace ?? 'default', pod.metadata.name, this.name, time, line);
    }
  }

  /** The container's log is still empty (a container the cluster came with). */
  hasNoLogs(): boolean {
    const pod = this.#scope.pod;
    return (
      this.#scope.context.logs.read(pod.metadata.namespace ?? 'default', pod.metadata.name, this.name)
        .length === 0
    );
  }

  /** format.Pod: `name_namespace(uid)`. */
  podRef(): string {
    const pod = this.#scope.pod;
    return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`;
  }
}

/** A container whose image is being pulled. */
export function creatingStatus(container: Container): ContainerStatus {
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

/** containerStatuses[].volumeMounts mirror the container's mounts (RecursiveReadOnlyMounts reports Disabled). */
export function volumeMounts(container: Container): Partial<ContainerStatus> {
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

export function fieldPath(container: Container): string {
  return `spec.containers{${container.name}}`;
}

export function kubeletSource(node: StoredNode) {
  return { component: 'kubelet', host: node.metadata.name };
}
