/** describeDeployment (replicas, strategy, template, conditions, old/new replica sets) and describeReplicaSet. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer.ts';
import {
  controllerOf,
  describeEvents,
  describePodTemplate,
  eventsFor,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './common.ts';
import { formatLabelSelector, matchesSelector } from '../../api/labels/selector.ts';
import type { Describer, DescribeContext } from './describer.ts';
import type { KubeObject, LabelSelector } from '../../api/types.ts';

export const describeDeployment: Describer = (object, context) => {
  const d = object as unknown as Deployment;
  const spec = d.spec;
  const status = d.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(object.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  const rolling = spec?.strategy?.rollingUpdate;
  if (rolling) {
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${rolling.maxUnavailable ?? ''} max unavailable, ${rolling.maxSurge ?? ''} max surge\n`,
    );
  }
  describePodTemplate(w, spec?.template);
  writeConditions(w, status.conditions);
  const { oldSets, newSet } = replicaSetsOf(context, object, spec?.template);
  w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldSets)}\n`);
  w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newSet ? [newSet] : [])}\n`);
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};

function writeConditions(
  w: PrefixWriter,
  conditions: readonly { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** `web-6d4cf56db6 (2/2 replicas created)`, or `<none>`. */
function replicaSetList(sets: readonly ReplicaSet[]): string {
  const text = sets
    .map(
      (rs) =>
        `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
    )
    .join(', ');
  return text || '<none>';
}

/** deploymentutil.GetAllReplicaSets: the new set has the deployment's template; old ones still have pods. */
function replicaSetsOf(
  context: DescribeContext,
  deployment: Readonly<KubeObject>,
  template: PodTemplateSpec | undefined,
): { oldSets: ReplicaSet[]; newSet: ReplicaSet | undefined } {
  const owned: ReplicaSet[] = [];
  for (const object of context.runtime.api.store.peek('replicasets', deployment.metadata.namespace)) {
    if (
      (object.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === deployment.metadata.uid)
    ) {
      owned.push(object as unknown as ReplicaSet);
    }
  }
  owned.sort(
    (a, b) =>
      Date.parse(a.metadata?.creationTimestamp ?? '') - Date.parse(b.metadata?.creationTimestamp ?? '') ||
      ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1),
  );
  const newSet = owned.find((rs) => sameTemplate(rs.spec?.template, template));
  const oldSets = owned.filter((rs) => rs !== newSet && (rs.spec?.replicas ?? 0) !== 0);
  return { oldSets, newSet };
}

function sameTemplate(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy = structuredClone(t ?? {});
    if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
    return JSON.stringify(sortDeep(copy));
  };
  return strip(a) === strip(b);
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, sortDeep(record[k])]),
  );
}

export const describeReplicaSet: Describer = (object, context) => {
  const rs = object as unknown as ReplicaSet;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  const controlledBy = controllerOf(object);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  const counts = podPhases(context, object, rs.spec?.selector);
  w.write(
    LEVEL_0,
    `Pods Status:\t${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`,
  );
  describePodTemplate(w, rs.spec?.template);
  writeConditions(w, rs.status?.conditions);
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};

/** getPodStatusForController: the controller's pods (selector and owner uid) counted by phase. */
export function podPhases(
  context: DescribeContext,
  owner: Readonly<KubeObject>,
  selector: LabelSelector | undefined,
) {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const object of context.runtime.api.store.peek('pods', owner.metadata.namespace)) {
    if (!matchesSelector(object.metadata.labels, selector)) continue;
    const ref = (object.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (ref?.uid !== owner.metadata.uid) continue;
    switch ((object as unknown as Pod).status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}
