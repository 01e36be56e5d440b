import { describe, expect, it } from 'vitest';
import { findResourceType } from '../../../../src/sim/api/resources.ts';

describe('resource type names, as kubectl resolves them', () => {
  it.each([
    ['svc', 'services'],
    ['service', 'services'],
    ['Services', 'services'],
    ['Service', 'services'],
    ['PODS', 'pods'],
    ['po', 'pods'],
    ['deploy', 'deployments'],
    ['deployments.apps', 'deployments'],
    ['deployments.v1.apps', 'deployments'],
    ['pods.v1.', 'pods'],
    ['ep', 'endpoints'],
    ['endpointslices.discovery.k8s.io', 'endpointslices'],
  ])('%s is %s', (typed, resource) => {
    expect(findResourceType(typed)?.resource).toBe(resource);
  });

  it.each(['SVC', 'Po', 'deployments.extensions', 'foo', 'svcs'])('%s is not a resource type', (typed) => {
    expect(findResourceType(typed)).toBeUndefined();
  });
});
