/**
 * A pod's first sync on its node: the sandbox and its IP (from the node's podCIDR, or the node's
 * own with hostNetwork), the start time, and every container waiting on its image — or on a name
 * that can never be pulled (InvalidImageName, ErrImageNeverPull), with the kubelet's events.
 */
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1';
import type { ControllerContext } from './controller.ts';
import type { Informer } from './informer.ts';
import type { StoredPod } from './objects.ts';
import { fieldPath, kubeletSource, volumeMounts } from './container-run.ts';
import { invalidImageMessage, pullPolicy } from './image-pull.ts';
import { nodeHasImage, type StoredNode } from './node-images.ts';
import { orderedPodStatus, podConditions, podPhase, qosClass, type PodStatus } from './pod-status.ts';

export function startPod(
  context: ControllerContext,
  informer: Informer,
  pod: StoredPod,
  node: StoredNode,
): void {
  const now = context.timestamp();
  const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const podIP = pod.spec?.hostNetwork ? hostIP : context.podIPs.allocate(informer, node);
  const statuses: ContainerStatus[] = [];
  for (const container of pod.spec?.containers ?? []) {
    statuses.push(prepareContainer(context, pod, node, container));
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

function prepareContainer(
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
