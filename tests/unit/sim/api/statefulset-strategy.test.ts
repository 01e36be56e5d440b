import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import { refusal } from './refusal.ts';
import type { KubeObject } from '../../../../src/sim/api/types.ts';

function statefulSet(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
      ...spec,
    },
  };
}

describe('StatefulSet strategy', () => {
  it('fills the apps/v1 defaults and starts without status', () => {
    const cluster = createCluster({ seed: 3 });
    const { object } = cluster.api.create('statefulsets', statefulSet());
    expect(object['spec']).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
    expect(object.metadata.generation).toBe(1);
  });

  it('leaves an OnDelete strategy without rollingUpdate', () => {
    const cluster = createCluster({ seed: 3 });
    const { object } = cluster.api.create(
      'statefulsets',
      statefulSet({ updateStrategy: { type: 'OnDelete' } }),
    );
    expect((object['spec'] as { updateStrategy: unknown }).updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('refuses with the messages of pkg/apis/apps/validation', () => {
    const cluster = createCluster({ seed: 3 });
    expect(
      refusal(() => cluster.api.create('statefulsets', statefulSet({ podManagementPolicy: 'Fast' }))),
    ).toBe(
      `The StatefulSet "web" is invalid: spec.podManagementPolicy: Invalid value: "Fast": must be 'OrderedReady' or 'Parallel'`,
    );
    expect(
      refusal(() => cluster.api.create('statefulsets', statefulSet({ selector: { matchLabels: {} } }))),
    ).toBe(
      'The StatefulSet "web" is invalid: spec.selector: Invalid value: {}: empty selector is not valid for statefulset.',
    );
    expect(
      refusal(() =>
        cluster.api.create('statefulsets', statefulSet({ selector: { matchLabels: { app: 'db' } } })),
      ),
    ).toBe(
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    );
    expect(
      refusal(() =>
        cluster.api.create(
          'statefulsets',
          statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }),
        ),
      ),
    ).toBe(
      'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('lets replicas, template and updateStrategy change, and nothing else in the spec', () => {
    const cluster = createCluster({ seed: 3 });
    const { object } = cluster.api.create('statefulsets', statefulSet());
    const scaled = structuredClone(object);
    (scaled['spec'] as { replicas: number }).replicas = 3;
    expect(cluster.api.update('statefulsets', scaled).object.metadata.generation).toBe(2);
    const renamed = structuredClone(cluster.api.get('statefulsets', 'default', 'web'));
    (renamed['spec'] as { serviceName: string }).serviceName = 'other';
    expect(refusal(() => cluster.api.update('statefulsets', renamed))).toBe(
      `The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'template', and 'updateStrategy' are forbidden.`,
    );
  });
});
