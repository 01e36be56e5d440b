/**
 * describeStatefulSet (kubectl 1.35 describe.go StatefulSetDescriber). Later kubectl releases add
 * Service Name, Pod Management Policy and the claim retention policy; 1.35 prints none of them.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer.ts';
import {
  describeEvents,
  describePodTemplate,
  eventsFor,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './common.ts';
import { formatLabelSelector } from '../../api/labels/selector.ts';
import type { Describer } from './describer.ts';
import { podPhases } from './workloads.ts';

export const describeStatefulSet: Describer = (object, context) => {
  const set = object as unknown as StatefulSet;
  const spec = set.spec;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatTime(object.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 0} desired | ${set.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`);
  const rolling = spec?.updateStrategy?.rollingUpdate;
  if (rolling?.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${rolling.partition}\n`);
    if (rolling.maxUnavailable !== undefined)
      w.write(LEVEL_1, `MaxUnavailable:\t${rolling.maxUnavailable}\n`);
  }
  const counts = podPhases(context, object, spec?.selector);
  w.write(
    LEVEL_0,
    `Pods Status:\t${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`,
  );
  describePodTemplate(w, spec?.template);
  // The simulator has no PersistentVolumeClaims, so a set's volumeClaimTemplates are never described.
  w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};
