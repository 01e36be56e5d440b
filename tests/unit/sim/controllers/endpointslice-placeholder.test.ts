import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';

// pkg/controller/endpointslice reconciler finalize(): a slice to create takes the name of a slice
// that would be deleted, so the empty placeholder of a Service is filled in place.
describe('EndpointSlice placeholder', () => {
  it('keeps its name when the service gets ready pods, and again when they go away', async () => {
    const cluster = createCluster({ seed: 1 });
    await cluster.exec('kubectl create service clusterip web --tcp=80:80');
    const names = async () =>
      (await cluster.exec('kubectl get endpointslices -l kubernetes.io/service-name=web -o name')).stdout;
    const placeholder = await names();
    expect(placeholder).toMatch(/^endpointslice\.discovery\.k8s\.io\/web-[a-z0-9]{5}\n$/);
    const endpoints = async () =>
      (
        await cluster.exec(
          'kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath={.items[*].endpoints[*].addresses[0]}',
        )
      ).stdout;
    expect(await endpoints()).toBe('');

    await cluster.exec('kubectl create deployment web --image=nginx --replicas=2');
    await cluster.exec('kubectl rollout status deployment/web');
    expect(await names()).toBe(placeholder);
    expect((await endpoints()).split(' ')).toHaveLength(2);

    await cluster.exec('kubectl scale deployment web --replicas=0');
    await cluster.exec('sleep 40');
    expect(await names()).toBe(placeholder);
    expect(await endpoints()).toBe('');
  });
});
