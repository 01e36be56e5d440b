/** The Namespace registry: a DNS-1123 label name, the `kubernetes` finalizer, phase Active. */
import type { Strategy } from '../strategy.ts';
import { fieldErrors } from '../field-errors.ts';
import { isDNS1123Label } from '../validation/names.ts';

export const namespaceStrategy: Strategy = {
  prepareForCreate(object) {
    const name = object.metadata.name;
    object.metadata.labels = { ...object.metadata.labels, 'kubernetes.io/metadata.name': name };
    object['spec'] = { finalizers: ['kubernetes'] };
    object['status'] = { phase: 'Active' };
  },
  prepareForUpdate(object, old) {
    object.metadata.labels = {
      ...object.metadata.labels,
      'kubernetes.io/metadata.name': object.metadata.name,
    };
    object['spec'] = old['spec'];
    object['status'] = old['status'];
  },
  validate: (object) =>
    isDNS1123Label(object.metadata.name).map((m) =>
      fieldErrors.invalid('metadata.name', object.metadata.name, m),
    ),
};
