/**
 * Replays one golden case on a fresh cluster and writes down what a watcher of the default
 * namespace sees, in virtual time: each pod, ReplicaSet, Deployment, Endpoints and Service status
 * as it changes, and each Event as it is recorded or repeated. The case's objects go in through
 * the API server at time 0; its kubectl lines run at the times it names.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { z } from 'zod';
import { createCluster } from '../../../../../src/sim/index.ts';
import { resourceTypeForKind } from '../../../../../src/sim/api/resources.ts';
import type { ClusterChange } from '../../../../../src/sim/cluster-types.ts';
import type { KubeObject } from '../../../../../src/sim/api/types.ts';
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/;
const duration = z.string().regex(DURATION, 'a duration such as 500ms, 30s or 6m');

export const GoldenInput = z
  .object({
    seed: z.number().int(),
    /** How long the clock runs after the objects are created. */
    watch: duration,
    objects: z.array(z.looseObject({ apiVersion: z.string(), kind: z.string() })).min(1),
    commands: z.array(z.strictObject({ at: duration, run: z.string().min(1) })).default([]),
  })
  .strict();
export type GoldenInput = z.infer<typeof GoldenInput>;

type Entry = Record<string, unknown>;

export function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
}

/** Run the case; returns the timeline as the YAML text its golden file holds. */
export async function replay(input: GoldenInput): Promise<string> {
  const cluster = createCluster({ seed: input.seed });
  const start = cluster.now();
  const timeline: Entry[] = [];
  const last = new Map<string, string>();
  const at = (): string => `${((cluster.now() - start) / 1000).toFixed(3)}s`;
  cluster.subscribe((change) => {
    const entry = describeChange(change);
    if (!entry) return;
    const key = `${entry.kind}/${entry.name}`;
    const text = JSON.stringify(entry.fields);
    if (entry.kind !== 'event' && last.get(key) === text) return;
    last.set(key, text);
    timeline.push({ at: at(), [entry.kind]: entry.name, ...entry.fields });
  });

  for (const object of input.objects) {
    const type = resourceTypeForKind(object.kind, object.apiVersion);
    if (!type) throw new Error(`golden input: no resource serves ${object.apiVersion} ${object.kind}`);
    cluster.api.create(type.resource, object as unknown as KubeObject);
  }
  cluster.advance(0);
  const commands = input.commands
    .map((command) => ({ ...command, time: parseDuration(command.at) }))
    .sort((a, b) => a.time - b.time);
  for (const command of commands) {
    cluster.advance(start + command.time - cluster.now());
    timeline.push({ at: at(), command: command.run });
    const result = await cluster.exec(command.run);
    if (result.exitCode !== 0) throw new Error(`golden input: ${command.run} failed: ${result.stderr}`);
  }
  cluster.advance(start + parseDuration(input.watch) - cluster.now());

  // Every stored object, byte for byte (all namespaces, events included): a refactor that keeps
  // this keeps everything kubectl can show. The shell's own state is not the controllers' business.
  const objects = JSON.stringify(cluster.api.store.snapshot());
  const end = {
    at: at(),
    resourceVersion: cluster.api.store.resourceVersion,
    objects: `sha256:${createHash('sha256').update(objects).digest('hex')}`,
  };
  return stringify({ timeline, end }, { lineWidth: 0 });
}

interface Described {
  kind: string;
  name: string;
  fields: Entry;
}

function describeChange(change: ClusterChange): Described | undefined {
  if (change.type !== 'object') return undefined;
  const object = change.object;
  if ((object.metadata.namespace ?? '') !== 'default' || object.metadata.name === 'kubernetes')
    return undefined;
  const name = object.metadata.name;
  if (change.event === 'DELETED' && change.resource !== 'events')
    return { kind: singular(change.resource), name, fields: { deleted: true } };
  switch (change.resource) {
    case 'pods':
      return { kind: 'pod', name, fields: podFields(object as KubeObject & Pod) };
    case 'replicasets':
    case 'deployments':
    case 'statefulsets':
      return { kind: singular(change.resource), name, fields: workloadFields(object) };
    case 'endpoints':
      return { kind: 'endpoints', name, fields: endpointsFields(object) };
    case 'services':
      return { kind: 'service', name, fields: serviceFields(object) };
    case 'events':
      return eventFields(object);
    default:
      return undefined;
  }
}

function singular(resource: string): string {
  return resource === 'endpoints' ? resource : resource.replace(/s$/, '');
}

function podFields(pod: KubeObject & Pod): Entry {
  const fields: Entry = {};
  if (pod.spec?.nodeName) fields['node'] = pod.spec.nodeName;
  if (pod.metadata.deletionTimestamp)
    fields['terminating'] = `grace ${pod.metadata.deletionGracePeriodSeconds ?? 0}s`;
  fields['phase'] = pod.status?.phase ?? '';
  if (pod.status?.podIP) fields['podIP'] = pod.status.podIP;
  const conditions = (pod.status?.conditions ?? []).map(conditionText);
  if (conditions.length > 0) fields['conditions'] = conditions.join(' ');
  const message = pod.status?.conditions?.find((c) => c.status === 'False' && c.message)?.message;
  if (message) fields['message'] = message;
  const containers: Entry = {};
  for (const status of pod.status?.containerStatuses ?? []) containers[status.name] = containerText(status);
  if (Object.keys(containers).length > 0) fields['containers'] = containers;
  return fields;
}

function conditionText(condition: PodCondition): string {
  return `${condition.type}=${condition.status}${condition.reason ? `(${condition.reason})` : ''}`;
}

function containerText(status: ContainerStatus): string {
  const state = status.state ?? {};
  let text = 'unknown';
  if (state.running) text = 'running';
  else if (state.terminated)
    text = `terminated ${state.terminated.reason ?? ''} (exit ${state.terminated.exitCode})`;
  else if (state.waiting)
    text = `waiting ${state.waiting.reason ?? ''}${state.waiting.message ? `: ${state.waiting.message}` : ''}`;
  const parts = [text, status.ready ? 'ready' : 'not ready'];
  if (status.restartCount) parts.push(`restarts ${status.restartCount}`);
  if (state.running && status.lastState?.terminated)
    parts.push(
      `last ${status.lastState.terminated.reason ?? ''} (exit ${status.lastState.terminated.exitCode})`,
    );
  return parts.join(', ');
}

function workloadFields(object: KubeObject): Entry {
  const spec = object['spec'] as { replicas?: number; template?: { spec?: Pod['spec'] } } | undefined;
  const status = (object['status'] ?? {}) as Record<string, unknown> & {
    conditions?: { type: string; status: string; reason?: string }[];
  };
  const fields: Entry = {
    replicas: `${status['replicas'] ?? 0}/${spec?.replicas ?? 1}`,
    images: (spec?.template?.spec?.containers ?? []).map((c) => c.image).join(' '),
  };
  for (const field of ['updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'])
    if (status[field] !== undefined) fields[field.replace('Replicas', '')] = status[field];
  const conditions = (status.conditions ?? []).map(
    (c) => `${c.type}=${c.status}${c.reason ? `(${c.reason})` : ''}`,
  );
  if (conditions.length > 0) fields['conditions'] = conditions.join(' ');
  return fields;
}

function endpointsFields(object: KubeObject): Entry {
  const subsets = (object['subsets'] ?? []) as {
    addresses?: { targetRef?: { name?: string } }[];
    notReadyAddresses?: { targetRef?: { name?: string } }[];
  }[];
  const names = (list: { targetRef?: { name?: string } }[] | undefined) =>
    (list ?? []).map((a) => a.targetRef?.name ?? '?');
  return {
    ready: subsets.flatMap((s) => names(s.addresses)).join(' '),
    notReady: subsets.flatMap((s) => names(s.notReadyAddresses)).join(' '),
  };
}

function serviceFields(object: KubeObject): Entry {
  const spec = object['spec'] as { type?: string } | undefined;
  const ingress = (object['status'] as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)
    ?.loadBalancer?.ingress;
  return { type: spec?.type ?? 'ClusterIP', ingress: (ingress ?? []).map((i) => i.ip).join(' ') };
}

function eventFields(object: KubeObject): Described {
  const event = object as KubeObject & {
    type?: string;
    reason?: string;
    message?: string;
    count?: number;
    involvedObject?: { kind?: string; name?: string; fieldPath?: string };
    source?: { component?: string; host?: string };
  };
  const involved = event.involvedObject ?? {};
  const fields: Entry = {
    reason: `${event.type ?? ''} ${event.reason ?? ''}`,
    from: [event.source?.component, event.source?.host].filter(Boolean).join(' '),
  };
  if (involved.fieldPath) fields['field'] = involved.fieldPath;
  fields['message'] = event.message ?? '';
  if ((event.count ?? 1) > 1) fields['count'] = event.count;
  return { kind: 'event', name: `${(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`, fields };
}
