/**
 * Whether a container has logs to read: the kubelet's refusals (validateContainerLogStatus) for a
 * pod without a node and a container that has not started, as the API server relays them.
 */
import { StatusError } from './status-error.ts';
import type { KubeObject } from './types.ts';

/** The kubelet's answer for a container that has not started (validateContainerLogStatus). */
export function checkContainerStarted(pod: KubeObject, container: string): void {
  const spec = (pod['spec'] ?? {}) as { nodeName?: string };
  const name = pod.metadata.name;
  if (!spec.nodeName) throw StatusError.badRequest(`pod ${name} does not have a host assigned`);
  const status = (pod['status'] ?? {}) as {
    containerStatuses?: {
      name: string;
      state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown };
      lastState?: { terminated?: unknown };
    }[];
  };
  const containerStatus = status.containerStatuses?.find((s) => s.name === container);
  const waiting = containerStatus?.state?.waiting;
  if (!containerStatus)
    throw StatusError.badRequest(
      `container "${container}" in pod "${name}" is waiting to start: ContainerCreating`,
    );
  if (waiting && !containerStatus.lastState?.terminated) {
    const reason = waiting.reason ?? 'ContainerCreating';
    const detail =
      reason === 'ErrImagePull'
        ? "image can't be pulled"
        : reason === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : reason;
    throw StatusError.badRequest(`container "${container}" in pod "${name}" is waiting to start: ${detail}`);
  }
}
