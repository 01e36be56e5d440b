/**
 * A pod being deleted on its node: the kubelet stops its containers ("Stopping container"), and
 * the pod is removed once they are down — a second after SIGTERM for a server, at the end of the
 * grace period for a process that ignores SIGTERM (a shell or sleep as PID 1).
 */
import type { ControllerContext } from './controller.ts';
import { timeOf, type StoredPod } from './objects.ts';
import { fieldPath } from './container-run.ts';
import { ignoresSigterm } from './container-behaviour.ts';

/** How long a server takes to stop after SIGTERM. */
const PROMPT_STOP_MS = 1000;

/** Returns when to look again, or undefined once the pod is gone. */
export function terminatePod(context: ControllerContext, pod: StoredPod): number | undefined {
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
    if (ignoresSigterm(container)) prompt = false;
  }
  const removeAt = Math.min(deadline, start + (prompt ? PROMPT_STOP_MS : grace * 1000));
  if (context.now() < removeAt) return removeAt;
  context.api.remove('pods', pod.metadata.namespace, pod.metadata.name);
  context.logs.forget(pod.metadata.namespace ?? 'default', pod.metadata.name);
  return undefined;
}
