/** Registries of kinds with little to check: names, and status kept out of reach of clients. */
import type { Strategy } from '../strategy.ts';
import { fieldErrors, type FieldError } from '../field-errors.ts';
import type { KubeObject } from '../types.ts';
import { isDNS1123Subdomain } from '../validation/names.ts';
import { defaultEndpointSlice } from './endpointslice-defaults.ts';

function subdomainName(object: KubeObject): FieldError[] {
  return isDNS1123Subdomain(object.metadata.name).map((m) =>
    fieldErrors.invalid('metadata.name', object.metadata.name, m),
  );
}

const keepStatus: Pick<Strategy, 'prepareForUpdate'> = {
  prepareForUpdate(object, old) {
    if (old['status'] !== undefined) object['status'] = old['status'];
  },
};

export const nodeStrategy: Strategy = { ...keepStatus, validate: subdomainName };
export const endpointsStrategy: Strategy = { validate: subdomainName };
export const endpointSliceStrategy: Strategy = {
  prepareForCreate: defaultEndpointSlice,
  prepareForUpdate: defaultEndpointSlice,
  validate(object) {
    const errors = subdomainName(object);
    if (!object['addressType']) errors.push(fieldErrors.required('addressType'));
    return errors;
  },
};
export const eventStrategy: Strategy = { validate: subdomainName };
export const configMapStrategy: Strategy = { validate: subdomainName };
