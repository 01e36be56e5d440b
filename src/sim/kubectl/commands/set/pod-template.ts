/**
 * What `set image` and `set env` share (polymorphichelpers.UpdatePodSpecForObjectFn and set.go's
 * CalculatePatches): the pod spec inside an object, and whether a change left anything to send.
 */
import type { KubeObject } from '../../../api/types.ts';
import type { Target } from '../write/targets.ts';

export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  [field: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name?: string; key: string };
    secretKeyRef?: { name?: string; key: string };
    fieldRef?: { fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string };
  };
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
}

/** The pod spec of a pod, of a workload's pod template, or of a CronJob's job template. */
export function podSpecOf(object: KubeObject): PodSpec | undefined {
  const spec = object['spec'] as Record<string, unknown> | undefined;
  switch (object.kind) {
    case 'Pod':
      return spec as PodSpec | undefined;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return templateSpec(spec);
    case 'CronJob':
      return templateSpec((spec?.['jobTemplate'] as Record<string, unknown> | undefined)?.['spec'] as never);
    default:
      return undefined;
  }
}

function templateSpec(spec: Record<string, unknown> | undefined): PodSpec | undefined {
  if (!spec) return undefined;
  const template = (spec['template'] ??= {}) as Record<string, unknown>;
  return (template['spec'] ??= {}) as PodSpec;
}

/** UpdatePodSpecForObjectFn's refusal, naming the Go type kubectl decoded the object into. */
export function notAPodTemplate(objectName: string, target: Target): string {
  return `${objectName} the object is not a pod or does not have a pod template: *v1.${target.object.kind}`;
}

/** The strategic merge patch between the two would be `{}`: kubectl sends nothing then. */
export function unchanged(before: KubeObject, after: KubeObject): boolean {
  return JSON.stringify(before) === JSON.stringify(after);
}

/** Patches apply to the live object: a resourceVersion read earlier is no precondition. */
export function withoutResourceVersion(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  delete copy.metadata.resourceVersion;
  return copy;
}
