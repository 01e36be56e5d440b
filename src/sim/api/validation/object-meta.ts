/** ObjectMeta validation shared by every kind (apimachinery `api/validation/objectmeta.go`). */
import { fieldErrors, type FieldError } from '../field-errors.ts';
import type { ObjectMeta } from '../types.ts';
import { isDNS1123Label } from './names.ts';
import { validateLabels } from './labels.ts';

export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (!meta.name) {
    errors.push(fieldErrors.required('metadata.name', 'name or generateName is required'));
  }
  if (namespaced) {
    if (!meta.namespace) errors.push(fieldErrors.required('metadata.namespace', ''));
    else
      for (const message of isDNS1123Label(meta.namespace))
        errors.push(fieldErrors.invalid('metadata.namespace', meta.namespace, message));
  }
  errors.push(...validateLabels(meta.labels ?? {}, 'metadata.labels'));
  return errors;
}
