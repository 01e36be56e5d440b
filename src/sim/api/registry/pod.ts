/** The Pod registry: admission defaults, validation, and the few fields an update may change. */
import type { Strategy } from '../strategy.ts';
import type { KubeObject, PodSpec } from '../types.ts';
import { fieldErrors } from '../field-errors.ts';
import { isDNS1123Subdomain } from '../validation/names.ts';
import { validatePodSpec } from '../validation/pod.ts';
import { admitPod } from './pod-defaults.ts';

/** Spec fields an update may change (ValidatePodUpdate); the rest must stay as they were. */
const MUTABLE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export const podStrategy: Strategy = {
  prepareForCreate(object, context) {
    admitPod(object, context);
    object['status'] = { phase: 'Pending', qosClass: 'BestEffort' };
  },
  prepareForUpdate(object, old) {
    object['status'] = old['status'];
  },
  validate(object) {
    const nameErrors = isDNS1123Subdomain(object.metadata.name).map((m) =>
      fieldErrors.invalid('metadata.name', object.metadata.name, m),
    );
    return [...nameErrors, ...validatePodSpec(object['spec'] as PodSpec, 'spec')];
  },
  validateUpdate(object, old) {
    const errors = validatePodSpec(object['spec'] as PodSpec, 'spec');
    if (JSON.stringify(withoutMutable(object)) !== JSON.stringify(withoutMutable(old))) {
      errors.push(fieldErrors.forbidden('spec', MUTABLE_MESSAGE));
    }
    return errors;
  },
};

function withoutMutable(pod: KubeObject): unknown {
  const spec = structuredClone(pod['spec'] ?? {}) as {
    containers?: { image?: string }[];
    initContainers?: { image?: string }[];
  } & Record<string, unknown>;
  for (const container of [...(spec['containers'] ?? []), ...(spec['initContainers'] ?? [])])
    delete container.image;
  delete spec['activeDeadlineSeconds'];
  delete spec['tolerations'];
  delete spec['terminationGracePeriodSeconds'];
  return spec;
}
