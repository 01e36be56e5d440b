/**
 * Deployment and ReplicaSet validation (pkg/apis/apps/validation): a selector that is present,
 * not empty, matches the template's labels and never changes; replicas not negative.
 */
import { fieldErrors, goJson, GoValue, type FieldError } from '../field-errors.ts';
import type { KubeObject, LabelSelector, PodSpec } from '../types.ts';
import { isDNS1123Subdomain } from './names.ts';
import { validateLabels } from './labels.ts';
import { validatePodSpec } from './pod.ts';
import { matchesSelector } from '../labels/selector.ts';

interface WorkloadSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
}

export function validateWorkload(object: KubeObject, kind: 'Deployment' | 'ReplicaSet'): FieldError[] {
  const errors = isDNS1123Subdomain(object.metadata.name).map((m) =>
    fieldErrors.invalid('metadata.name', object.metadata.name, m),
  );
  const spec = (object['spec'] ?? {}) as WorkloadSpec;
  if (spec.replicas !== undefined && spec.replicas < 0) {
    errors.push(fieldErrors.invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  const selector = spec.selector;
  if (!selector) errors.push(fieldErrors.required('spec.selector'));
  else if (
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  ) {
    errors.push(
      fieldErrors.invalid(
        'spec.selector',
        goLabelSelector(selector),
        `empty selector is invalid for ${kind.toLowerCase()}`,
      ),
    );
  }
  const labels = spec.template?.metadata?.labels ?? {};
  errors.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  if (selector && !matchesSelector(labels, selector)) {
    errors.push(
      fieldErrors.invalid(
        'spec.template.metadata.labels',
        labels,
        '`selector` does not match template `labels`',
      ),
    );
  }
  errors.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const restartPolicy = spec.template?.spec?.restartPolicy;
  if (restartPolicy && restartPolicy !== 'Always') {
    errors.push(fieldErrors.notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  }
  return errors;
}

export function validateWorkloadUpdate(
  object: KubeObject,
  old: KubeObject,
  kind: 'Deployment' | 'ReplicaSet',
): FieldError[] {
  const errors: FieldError[] = [];
  const selector = (object['spec'] as WorkloadSpec | undefined)?.selector;
  const oldSelector = (old['spec'] as WorkloadSpec | undefined)?.selector;
  if (JSON.stringify(selector ?? null) !== JSON.stringify(oldSelector ?? null)) {
    errors.push(
      fieldErrors.invalid('spec.selector', selector ? goLabelSelector(selector) : null, 'field is immutable'),
    );
  }
  return [...errors, ...validateWorkload(object, kind)];
}

/** json.Marshal of a *metav1.LabelSelector: struct field order, empty fields omitted (omitempty). */
export function goLabelSelector(selector: LabelSelector): GoValue {
  const fields: string[] = [];
  if (Object.keys(selector.matchLabels ?? {}).length > 0)
    fields.push(`"matchLabels":${goJson(selector.matchLabels)}`);
  if ((selector.matchExpressions ?? []).length > 0) {
    const expressions = (selector.matchExpressions ?? []).map((e) => {
      const values = (e.values ?? []).length > 0 ? `,"values":${goJson(e.values)}` : '';
      return `{"key":${goJson(e.key)},"operator":${goJson(e.operator)}${values}}`;
    });
    fields.push(`"matchExpressions":[${expressions.join(',')}]`);
  }
  return new GoValue(`{${fields.join(',')}}`);
}
