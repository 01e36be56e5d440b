/**
 * The patches kubectl sends, byte for byte: apply's three-way strategic merge patch and edit's
 * patch, compared with the PATCH bodies the real kubectl 1.35 sent in the captured fixtures.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../fixtures/load.ts';
import { decodeManifestStream } from '../../../../src/sim/kubectl/manifests/decode.ts';
import { lastAppliedJson, setLastApplied } from '../../../../src/sim/kubectl/manifests/last-applied.ts';
import {
  applyStrategicMergePatch,
  threeWayMergePatch,
  type JsonMap,
} from '../../../../src/sim/kubectl/manifests/strategic-merge.ts';
import type { KubeObject } from '../../../../src/sim/api/types.ts';

/** The body of the fixture's PATCH request. */
function sentPatch(name: string): string {
  const line = (loadFixture(name).requests ?? '').split('\n').find((l) => l.startsWith('PATCH '));
  return (line ?? '').slice((line ?? '').indexOf(' {') + 1);
}

function manifest(text: string): KubeObject {
  const object = decodeManifestStream(text).documents[0] as unknown as KubeObject;
  object.metadata.namespace = 'default';
  return object;
}

/** What the server holds after a manifest was created: defaults filled in. */
function live(object: KubeObject): JsonMap {
  const copy = structuredClone(object) as unknown as { spec: { ports: Record<string, unknown>[] } } & Record<
    string,
    unknown
  >;
  const spec: Record<string, unknown> = {
    ...copy.spec,
    clusterIP: '10.96.0.20',
    sessionAffinity: 'None',
    ports: copy.spec.ports.map((p) => ({ ...p, protocol: 'TCP' })),
  };
  return { ...copy, spec } as JsonMap;
}

describe('three-way merge patches as kubectl apply sends them', () => {
  it('sends only the changed targetPort, with $setElementOrder, and the new annotation', () => {
    const fixture = loadFixture('apply-configured');
    const before = manifest(fixture.files?.['svc.yaml'] ?? '');
    setLastApplied(before);
    const after = manifest(fixture.files?.['svc-changed.yaml'] ?? '');
    setLastApplied(after);
    const original = JSON.parse(lastAppliedJson(before)) as JsonMap;
    const patch = threeWayMergePatch(original, after as unknown as JsonMap, live(before), 'Service');
    expect(JSON.stringify(patch)).toBe(sentPatch('apply-configured'));
  });

  it('patches only the annotation in when the live object lacks it', () => {
    const fixture = loadFixture('apply-missing-last-applied');
    const object = manifest(fixture.files?.['svc.yaml'] ?? '');
    const current = live(object);
    setLastApplied(object);
    expect(
      JSON.stringify(threeWayMergePatch(undefined, object as unknown as JsonMap, current, 'Service')),
    ).toBe(sentPatch('apply-missing-last-applied'));
  });

  it('deletes a port that left the manifest, keeps one another writer added', () => {
    const two = { spec: { ports: [{ port: 80 }, { port: 81 }] } } as unknown as JsonMap;
    const one = { spec: { ports: [{ port: 80 }] } } as unknown as JsonMap;
    const current = {
      spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP' }, { port: 99 }] },
    } as unknown as JsonMap;
    const patch = threeWayMergePatch(two, one, current, 'Service');
    expect(JSON.stringify(patch)).toBe(
      '{"spec":{"$setElementOrder/ports":[{"port":80}],"ports":[{"$patch":"delete","port":81}]}}',
    );
    expect(applyStrategicMergePatch(current, patch, 'Service')).toEqual({
      spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 99 }] },
    });
  });

  it('moves a named container port: the old port deleted and the new one added in the same container', () => {
    const container = (port: number) => ({
      name: 'hello',
      image: 'kube101/hello',
      ports: [{ name: 'http', containerPort: port }],
    });
    const deployment = (port: number) =>
      ({ spec: { template: { spec: { containers: [container(port)] } } } }) as unknown as JsonMap;
    const current = deployment(300);
    const patch = threeWayMergePatch(deployment(300), deployment(301), current, 'Deployment');
    expect(applyStrategicMergePatch(current, patch, 'Deployment')).toEqual(deployment(301));
  });

  it('drops rollingUpdate when the strategy becomes Recreate ($retainKeys)', () => {
    const current = {
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } },
    } as unknown as JsonMap;
    const modified = { spec: { strategy: { type: 'Recreate' } } } as unknown as JsonMap;
    const patch = threeWayMergePatch(undefined, modified, current, 'Deployment');
    expect(applyStrategicMergePatch(current, patch, 'Deployment')).toEqual({
      spec: { strategy: { type: 'Recreate' } },
    });
  });
});

describe('kubectl edit sends the same patch as kubectl', () => {
  it('changes targetPort only', () => {
    const object = manifest(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 82\n    targetPort: 300\n    nodePort: 30033\n',
    );
    const current = live(object);
    const edited = structuredClone(current) as JsonMap & { spec: { ports: Record<string, unknown>[] } };
    (edited.spec.ports[0] as Record<string, unknown>)['targetPort'] = 301;
    expect(JSON.stringify(threeWayMergePatch(current, edited, current, 'Service'))).toBe(
      sentPatch('edit-target-port'),
    );
  });
});
