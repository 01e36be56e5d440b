/** describePod: identity, node, status, IPs, containers with their states, conditions, volumes, QoS, events. */
import type { Pod } from 'kubernetes-types/core/v1';
import { PrefixWriter, LEVEL_0, LEVEL_1 } from './writer.ts';
import {
  controllerOf,
  describeContainers,
  describeEvents,
  describeVolumes,
  eventsFor,
  formatTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './common.ts';
import { age } from '../printers/duration.ts';
import type { Describer } from './describer.ts';

export const describePod: Describer = (object, context) => {
  const pod = object as unknown as Pod;
  const spec = pod.spec;
  const status = pod.status ?? {};
  const meta = object.metadata;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec?.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatTime(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${age(meta.deletionTimestamp, context.nowMs)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
  } else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(object);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec?.initContainers ?? []).length > 0)
    describeContainers(w, 'Init Containers', spec?.initContainers ?? [], status.initContainerStatuses, '');
  describeContainers(w, 'Containers', spec?.containers ?? [], status.containerStatuses, '');
  if ((spec?.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of spec?.readinessGates ?? []) {
      const condition = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
      w.write(LEVEL_1, `${gate.conditionType} \t${condition?.status ?? '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec?.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass ?? qosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};

/** qos.GetPodQOS: Guaranteed when every container's requests equal its cpu and memory limits. */
export function qosClass(pod: Pod): string {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true;
    for (const resource of ['cpu', 'memory']) {
      if (limits[resource] === undefined) guaranteed = false;
      else if (requests[resource] !== undefined && String(requests[resource]) !== String(limits[resource]))
        guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
