/** `kubectl label`, `annotate`, `scale` and `delete` against the real kubectl's answers, and their effect. */
import { describe, expect, it } from 'vitest';
import { courseCluster, expectLikeFixture } from './helpers.ts';

async function webPod(cluster: Awaited<ReturnType<typeof courseCluster>>): Promise<string> {
  const pod = cluster.api.list('pods', 'default').find((p) => p.metadata.labels?.['app'] === 'web');
  if (!pod) throw new Error('no web pod');
  return pod.metadata.name;
}

describe('fixtures from kubectl 1.35', () => {
  for (const name of [
    'annotate-svc',
    'annotate-svc-remove-missing',
    'label-invalid-value',
    'label-no-labels',
    'label-svc-no-change',
    'label-svc-not-found',
    'scale-bad-replicas',
    'scale-deploy',
    'scale-deploy-not-found',
    'scale-deploy-same',
    'scale-negative-replicas',
    'scale-no-replicas',
    'scale-svc',
    'delete-deploy-web',
    'delete-f-file',
    'delete-label',
    'delete-no-args',
  ]) {
    it(name, async () => {
      await expectLikeFixture(await courseCluster(), name);
    });
  }
});

describe('kubectl label on a pod', () => {
  it('adds, refuses to overwrite, overwrites and removes', async () => {
    const cluster = await courseCluster();
    const pod = await webPod(cluster);
    expect(await cluster.exec(`kubectl label pod ${pod} tier=frontend`)).toEqual({
      stdout: `pod/${pod} labeled\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(await cluster.exec(`kubectl label pod ${pod} app=other`)).toEqual({
      stdout: '',
      stderr: "error: 'app' already has a value (web), and --overwrite is false\n",
      exitCode: 1,
    });
    expect((await cluster.exec(`kubectl label pod ${pod} app=other --overwrite`)).stdout).toBe(
      `pod/${pod} labeled\n`,
    );
    expect((await cluster.exec(`kubectl label pod ${pod} tier-`)).stdout).toBe(`pod/${pod} unlabeled\n`);
    expect((await cluster.exec(`kubectl label pod ${pod} nothere-`)).stdout).toBe(
      `label "nothere" not found.\npod/${pod} not labeled\n`,
    );
    expect(cluster.api.get('pods', 'default', pod).metadata.labels).toMatchObject({ app: 'other' });
    expect(cluster.api.get('pods', 'default', pod).metadata.labels).not.toHaveProperty('tier');
  });

  it('lists labels and refuses pairs before resources', async () => {
    const cluster = await courseCluster();
    expect((await cluster.exec('kubectl label svc web --list')).stdout).toBe('app=web\n');
    expect((await cluster.exec('kubectl label svc web a=b x')).stderr).toBe(
      'error: all resources must be specified before label changes: x\n',
    );
    expect((await cluster.exec('kubectl label svc web a=b a-')).stderr).toBe(
      'error: can not both modify and remove a label in the same command\n',
    );
  });
});

describe('kubectl scale', () => {
  it('checks --current-replicas and changes spec.replicas', async () => {
    const cluster = await courseCluster();
    expect((await cluster.exec('kubectl scale deploy web --replicas=3 --current-replicas=5')).stderr).toBe(
      'error: Expected replicas to be 5, was 2\n',
    );
    expect((await cluster.exec('kubectl scale deploy/web --replicas=4 --dry-run=client')).stdout).toBe(
      'deployment.apps/web scaled (dry run)\n',
    );
    expect((cluster.api.get('deployments', 'default', 'web')['spec'] as { replicas: number }).replicas).toBe(
      2,
    );
    await cluster.exec('kubectl scale deploy/web --replicas=4');
    cluster.settle(60_000);
    expect(
      cluster.api.list('pods', 'default').filter((p) => p.metadata.labels?.['app'] === 'web'),
    ).toHaveLength(4);
  });
});

describe('kubectl delete', () => {
  it('waits for a pod through its grace period on the virtual clock', async () => {
    const cluster = await courseCluster();
    const pod = await webPod(cluster);
    const before = cluster.now();
    expect(await cluster.exec(`kubectl delete pod ${pod}`)).toEqual({
      stdout: `pod "${pod}" deleted from default namespace\n`,
      stderr: '',
      exitCode: 0,
    });
    expect(cluster.api.tryGet('pods', 'default', pod)).toBeUndefined();
    expect(cluster.now() - before).toBeGreaterThan(0);
  });

  it('leaves a terminating pod with --wait=false', async () => {
    const cluster = await courseCluster();
    const pod = await webPod(cluster);
    await cluster.exec(`kubectl delete pod ${pod} --wait=false`);
    expect(cluster.api.tryGet('pods', 'default', pod)?.metadata.deletionTimestamp).toBeDefined();
  });

  it('force deletes with the warning, dry runs change nothing, and names what is missing', async () => {
    const cluster = await courseCluster();
    const pod = await webPod(cluster);
    expect(await cluster.exec(`kubectl delete pod ${pod} --grace-period=0 --force`)).toEqual({
      stdout: `pod "${pod}" force deleted from default namespace\n`,
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect((await cluster.exec('kubectl delete svc web --dry-run=server')).stdout).toBe(
      'service "web" deleted from default namespace (server dry run)\n',
    );
    expect(cluster.api.tryGet('services', 'default', 'web')).toBeDefined();
    expect(await cluster.exec('kubectl delete svc nope web')).toEqual({
      stdout: 'service "web" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    });
    expect((await cluster.exec('kubectl delete svc -l app=nomatch')).stdout).toBe('No resources found\n');
    expect((await cluster.exec('kubectl delete svc nope --ignore-not-found')).exitCode).toBe(0);
  });

  it('deletes a namespace and waits until it is gone', async () => {
    const cluster = await courseCluster();
    await cluster.exec('kubectl create ns demo');
    expect((await cluster.exec('kubectl delete ns demo')).stdout).toBe('namespace "demo" deleted\n');
    expect(cluster.api.tryGet('namespaces', undefined, 'demo')).toBeUndefined();
  });
});
