/**
 * StatefulSet validation (pkg/apis/apps/validation: ValidateStatefulSetSpec and
 * ValidateStatefulSetUpdate): the policies the API knows, a selector that matches the template,
 * replicas not negative, and a spec of which only replicas, template and updateStrategy change.
 */
import { fieldErrors, type FieldError } from '../field-errors.ts';
import type { KubeObject, StatefulSet } from '../types.ts';
import { isDNS1123Subdomain } from './names.ts';
import { validateLabels } from './labels.ts';
import { validatePodSpec } from './pod.ts';
import { goLabelSelector } from './workloads.ts';
import { matchesSelector } from '../labels/selector.ts';

type StatefulSetSpec = NonNullable<StatefulSet['spec']>;

export function validateStatefulSet(object: KubeObject): FieldError[] {
  const errors = isDNS1123Subdomain(object.metadata.name).map((m) =>
    fieldErrors.invalid('metadata.name', object.metadata.name, m),
  );
  return [...errors, ...validateSpec((object['spec'] ?? {}) as StatefulSetSpec)];
}

function validateSpec(spec: StatefulSetSpec): FieldError[] {
  const errors: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (!policy) errors.push(fieldErrors.required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel')
    errors.push(
      fieldErrors.invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"),
    );
  const strategy = spec.updateStrategy ?? {};
  if (!strategy.type) errors.push(fieldErrors.required('spec.updateStrategy'));
  else if (strategy.type === 'OnDelete' && strategy.rollingUpdate)
    errors.push(
      fieldErrors.invalid(
        'spec.updateStrategy.rollingUpdate',
        strategy.rollingUpdate,
        "only allowed for updateStrategy 'RollingUpdate'",
      ),
    );
  else if (strategy.type === 'RollingUpdate') {
    const partition = strategy.rollingUpdate?.partition ?? 0;
    if (partition < 0)
      errors.push(
        fieldErrors.invalid(
          'spec.updateStrategy.rollingUpdate.partition',
          partition,
          'must be greater than or equal to 0',
        ),
      );
  } else if (strategy.type !== 'OnDelete')
    errors.push(
      fieldErrors.invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'"),
    );
  errors.push(...nonNegativeReplicas(spec));
  const selector = spec.selector;
  if (!selector) errors.push(fieldErrors.required('spec.selector'));
  else if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0)
    errors.push(
      fieldErrors.invalid(
        'spec.selector',
        goLabelSelector(selector),
        'empty selector is not valid for statefulset.',
      ),
    );
  const labels = spec.template?.metadata?.labels ?? {};
  if (
    selector &&
    Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length > 0
  ) {
    if (!matchesSelector(labels, selector))
      errors.push(
        fieldErrors.invalid(
          'spec.template.metadata.labels',
          labels,
          '`selector` does not match template `labels`',
        ),
      );
  }
  errors.push(...validateLabels(labels, 'spec.template.labels'));
  errors.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  const restartPolicy = spec.template?.spec?.restartPolicy;
  if (restartPolicy && restartPolicy !== 'Always')
    errors.push(fieldErrors.notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  return errors;
}

function nonNegativeReplicas(spec: StatefulSetSpec): FieldError[] {
  const replicas = spec.replicas ?? 1;
  return replicas < 0
    ? [fieldErrors.invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]
    : [];
}

/** Only replicas, template and updateStrategy may change; the rest of the spec is fixed at creation. */
export function validateStatefulSetUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const spec = (object['spec'] ?? {}) as StatefulSetSpec;
  const oldSpec = (old['spec'] ?? {}) as StatefulSetSpec;
  const fixed = ({ replicas: _r, template: _t, updateStrategy: _u, ...rest }: StatefulSetSpec) => rest;
  const errors: FieldError[] = [];
  if (JSON.stringify(sortKeys(fixed(spec))) !== JSON.stringify(sortKeys(fixed(oldSpec))))
    errors.push(
      fieldErrors.forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'template', and 'updateStrategy' are forbidden.",
      ),
    );
  return [...errors, ...nonNegativeReplicas(spec)];
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
