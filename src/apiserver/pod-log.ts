/**
 * `GET pods/NAME/log?container=&follow=&tailLines=&sinceSeconds=&sinceTime=&timestamps=&previous=`:
 * what the simulated container wrote, as plain text, the kubelet's refusals as Status errors, and
 * with `follow` the lines as they come until the client goes away.
 */
import { StatusError } from '../sim/api/status-error.ts';
import type { KubeObject } from '../sim/api/types.ts';
import { checkContainerStarted } from '../sim/api/pod-log-status.ts';
import type { LogLine } from '../sim/net/logs.ts';
import type { ResourceRequest } from './resource-request.ts';

const FOLLOW_POLL_MS = 100;

function containerName(pod: KubeObject, requested: string | null): string {
  const containers = (((pod['spec'] ?? {}) as { containers?: { name: string }[] }).containers ?? []).map(
    (c) => c.name,
  );
  if (requested) {
    if (!containers.includes(requested))
      throw StatusError.badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    return requested;
  }
  if (containers.length === 1) return containers[0] as string;
  const fallback = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (fallback) return fallback;
  throw StatusError.badRequest(
    `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]`,
  );
}

function hasTerminated(pod: KubeObject, container: string): boolean {
  const statuses = (
    (pod['status'] ?? {}) as {
      containerStatuses?: { name: string; lastState?: { terminated?: unknown } }[];
    }
  ).containerStatuses;
  return statuses?.find((s) => s.name === container)?.lastState?.terminated !== undefined;
}

function formatLine(line: LogLine, timestamps: boolean): string {
  const stamp = timestamps
    ? `${new Date(line.time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} `
    : '';
  return `${stamp}${line.text}\n`;
}

export function servePodLog(req: ResourceRequest): void {
  const { served, query, response, path } = req;
  const namespace = path.namespace ?? 'default';
  const pod = served.api.get('pods', namespace, path.name as string);
  const container = containerName(pod, query.get('container'));
  if (query.get('previous') === 'true' && !hasTerminated(pod, container)) {
    throw StatusError.badRequest(
      `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
    );
  }
  checkContainerStarted(pod, container);
  const read = () => served.runtime.logs.read(namespace, pod.metadata.name, container);
  let lines = [...read()];
  const sinceSeconds = query.get('sinceSeconds');
  const sinceTime = query.get('sinceTime');
  if (sinceSeconds !== null && sinceTime !== null)
    throw StatusError.badRequest('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const from =
    sinceSeconds !== null
      ? served.now() - Number(sinceSeconds) * 1000
      : sinceTime !== null
        ? Date.parse(sinceTime)
        : undefined;
  if (from !== undefined) lines = lines.filter((line) => line.time >= from);
  const tail = query.get('tailLines');
  if (tail !== null) lines = Number(tail) <= 0 ? [] : lines.slice(-Number(tail));
  const timestamps = query.get('timestamps') === 'true';
  response.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  const text = lines.map((line) => formatLine(line, timestamps)).join('');
  if (query.get('follow') !== 'true') {
    response.end(text);
    return;
  }
  if (text) response.write(text);
  let seen = read().length;
  const poll = setInterval(() => {
    const all = read();
    if (all.length > seen)
      response.write(
        all
          .slice(seen)
          .map((line) => formatLine(line, timestamps))
          .join(''),
      );
    seen = all.length;
    if (!served.api.tryGet('pods', namespace, pod.metadata.name)) response.end();
  }, FOLLOW_POLL_MS);
  response.on('close', () => clearInterval(poll));
}
