/**
 * `kubectl set` on a running simulated cluster: what each subcommand changes, the rollout a new
 * image or environment starts, and the errors a learner meets.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import type { Cluster } from '../../../../src/sim/cluster-types.ts';
import type { KubeObject } from '../../../../src/sim/api/types.ts';
import { HELP } from '../../../../src/sim/kubectl/help/index.ts';

interface Container {
  name: string;
  image: string;
  env?: { name: string; value: string }[];
}

async function helloCluster(): Promise<Cluster> {
  const cluster = createCluster({ seed: 3 });
  const created = await cluster.exec('kubectl create deployment web --image=kube101/hello:1 --replicas=2');
  expect(created.exitCode).toBe(0);
  await cluster.exec('sleep 30');
  return cluster;
}

function containersOf(object: KubeObject): Container[] {
  const spec = object['spec'] as {
    template?: { spec: { containers: Container[] } };
    containers?: Container[];
  };
  return spec.template?.spec.containers ?? spec.containers ?? [];
}

function livePods(cluster: Cluster): KubeObject[] {
  return cluster.api.list('pods', 'default').filter((pod) => !pod.metadata.deletionTimestamp);
}

describe('kubectl set image', () => {
  it('changes the template and rolls the pods over to a new ReplicaSet', async () => {
    const cluster = await helloCluster();
    const oldPods = livePods(cluster).map((pod) => pod.metadata.name);
    expect(oldPods).toHaveLength(2);

    expect(await cluster.exec('kubectl set image deployment/web hello=kube101/hello:2')).toEqual({
      stdout: 'deployment.apps/web image updated\n',
      stderr: '',
      exitCode: 0,
    });
    const deployment = cluster.api.get('deployments', 'default', 'web');
    expect(containersOf(deployment).map((c) => c.image)).toEqual(['kube101/hello:2']);
    expect(deployment.metadata.generation).toBe(2);

    const status = await cluster.exec('kubectl rollout status deployment/web');
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(status.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);

    const replicaSets = cluster.api.list('replicasets', 'default');
    expect(replicaSets).toHaveLength(2);
    const byImage = new Map(
      replicaSets.map((rs) => [containersOf(rs)[0]?.image, (rs['spec'] as { replicas: number }).replicas]),
    );
    expect(byImage).toEqual(
      new Map([
        ['kube101/hello:1', 0],
        ['kube101/hello:2', 2],
      ]),
    );

    await cluster.exec('sleep 60');
    const pods = cluster.api.list('pods', 'default');
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(oldPods).not.toContain(pod.metadata.name);
      expect(containersOf(pod)[0]?.image).toBe('kube101/hello:2');
      expect((pod['status'] as { phase: string }).phase).toBe('Running');
    }
    expect((await cluster.exec('kubectl rollout history deployment/web')).stdout).toContain(
      '2         <none>',
    );
  });

  it('names the container it cannot find and changes nothing', async () => {
    const cluster = await helloCluster();
    expect(await cluster.exec('kubectl set image deployment/web helo=kube101/hello:2')).toEqual({
      stdout: '',
      stderr: 'error: unable to find container named "helo"\n',
      exitCode: 1,
    });
    const deployment = cluster.api.get('deployments', 'default', 'web');
    expect(deployment.metadata.generation).toBe(1);
    expect(containersOf(deployment)[0]?.image).toBe('kube101/hello:1');
  });

  it('sets every container with *', async () => {
    const cluster = createCluster({ seed: 3 });
    cluster.fs.write(
      'two.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: nginx:1.26
  - name: b
    image: nginx:1.26
`,
    );
    await cluster.exec('kubectl apply -f two.yaml');
    expect((await cluster.exec("kubectl set image pod/two '*=nginx:1.27'")).stdout).toBe(
      'pod/two image updated\n',
    );
    expect(containersOf(cluster.api.get('pods', 'default', 'two')).map((c) => c.image)).toEqual([
      'nginx:1.27',
      'nginx:1.27',
    ]);
    expect((await cluster.exec('kubectl set image -f two.yaml a=nginx:1.28 -o name')).stdout).toBe(
      'pod/two\n',
    );
    expect(containersOf(cluster.api.get('pods', 'default', 'two')).map((c) => c.image)).toEqual([
      'nginx:1.28',
      'nginx:1.27',
    ]);
  });

  it('leaves the cluster alone on a dry run', async () => {
    const cluster = await helloCluster();
    const client = await cluster.exec(
      'kubectl set image deploy/web hello=kube101/hello:2 --dry-run=client -o json',
    );
    expect(client.exitCode).toBe(0);
    expect(containersOf(JSON.parse(client.stdout) as KubeObject)[0]?.image).toBe('kube101/hello:2');
    expect(
      (await cluster.exec('kubectl set image deploy/web hello=kube101/hello:2 --dry-run=server')).stdout,
    ).toBe('deployment.apps/web image updated (server dry run)\n');
    expect(containersOf(cluster.api.get('deployments', 'default', 'web'))[0]?.image).toBe('kube101/hello:1');
  });
});

describe('kubectl set env', () => {
  it('adds, lists and removes a variable; the new pods see it', async () => {
    const cluster = await helloCluster();
    expect(await cluster.exec('kubectl set env deployment/web GREETING=hi')).toEqual({
      stdout: 'deployment.apps/web env updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect(await cluster.exec('kubectl set env deployment/web --list')).toEqual({
      stdout: '# Deployment web, container hello\nGREETING=hi\n',
      stderr: '',
      exitCode: 0,
    });
    expect(containersOf(cluster.api.get('deployments', 'default', 'web'))[0]?.env).toEqual([
      { name: 'GREETING', value: 'hi' },
    ]);
    // The same value again changes nothing and prints nothing, as kubectl sends no empty patch.
    expect(await cluster.exec('kubectl set env deployment/web GREETING=hi')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });

    expect((await cluster.exec('kubectl rollout status deployment/web')).exitCode).toBe(0);
    await cluster.exec('sleep 60');
    const pod = livePods(cluster)[0]?.metadata.name ?? '';
    expect(containersOf(cluster.api.get('pods', 'default', pod))[0]?.env).toEqual([
      { name: 'GREETING', value: 'hi' },
    ]);
    expect((await cluster.exec(`kubectl exec ${pod} -- printenv GREETING`)).stdout).toBe('hi\n');

    expect((await cluster.exec('kubectl set env deployment/web GREETING-')).stdout).toBe(
      'deployment.apps/web env updated\n',
    );
    expect((await cluster.exec('kubectl set env deployment/web --list')).stdout).toBe(
      '# Deployment web, container hello\n',
    );
    expect(containersOf(cluster.api.get('deployments', 'default', 'web'))[0]).not.toHaveProperty('env');
  });

  it('refuses to overwrite with --overwrite=false', async () => {
    const cluster = await helloCluster();
    await cluster.exec('kubectl set env deployment/web GREETING=hi');
    expect(await cluster.exec('kubectl set env deployment/web GREETING=bye --overwrite=false')).toEqual({
      stdout: '',
      stderr: "error: deployments/web 'GREETING' already has a value (hi), and --overwrite is false\n",
      exitCode: 1,
    });
  });

  it('reports the API server refusing a change to a running pod', async () => {
    const cluster = await helloCluster();
    const pod = livePods(cluster)[0]?.metadata.name ?? '';
    const result = await cluster.exec(`kubectl set env pod/${pod} GREETING=hi`);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: failed to patch env update to pod template: Pod "${pod}" is invalid: spec: Forbidden: `,
      ),
    );
    expect(containersOf(cluster.api.get('pods', 'default', pod))[0]).not.toHaveProperty('env');
  });
});

describe('kubectl set selector', () => {
  it('replaces the selector: the endpoints follow it', async () => {
    const cluster = await helloCluster();
    await cluster.exec('kubectl expose deployment web --port=80 --target-port=8080');
    await cluster.exec('sleep 5');
    const endpoints = () =>
      cluster.api
        .list('endpointslices', 'default')
        .filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === 'web')
        .flatMap((slice) => (slice['endpoints'] as unknown[] | undefined) ?? []).length;
    expect(endpoints()).toBe(2);

    expect(await cluster.exec('kubectl set selector svc web app=other')).toEqual({
      stdout: 'service/web selector updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect((cluster.api.get('services', 'default', 'web')['spec'] as { selector: unknown }).selector).toEqual(
      {
        app: 'other',
      },
    );
    await cluster.exec('sleep 5');
    expect(endpoints()).toBe(0);

    expect((await cluster.exec('kubectl set selector service/web app=web')).stdout).toBe(
      'service/web selector updated\n',
    );
    await cluster.exec('sleep 5');
    expect(endpoints()).toBe(2);
  });

  it('takes --resource-version as a precondition', async () => {
    const cluster = await helloCluster();
    await cluster.exec('kubectl expose deployment web --port=80');
    expect(await cluster.exec('kubectl set selector svc web app=other --resource-version=1')).toEqual({
      stdout: '',
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again\n',
      exitCode: 1,
    });
    const current = cluster.api.get('services', 'default', 'web').metadata.resourceVersion ?? '';
    expect(
      (await cluster.exec(`kubectl set selector svc web app=other --resource-version=${current}`)).stdout,
    ).toBe('service/web selector updated\n');
  });

  it('prints the changed object on a client dry run and keeps the stored one', async () => {
    const cluster = await helloCluster();
    await cluster.exec('kubectl expose deployment web --port=80');
    const result = await cluster.exec('kubectl set selector svc web tier=front --dry-run=client -o yaml');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('  selector:\n    tier: front\n');
    expect((cluster.api.get('services', 'default', 'web')['spec'] as { selector: unknown }).selector).toEqual(
      {
        app: 'web',
      },
    );
  });
});

describe('kubectl set itself', () => {
  it('prints its help on stderr and fails without a subcommand, on stdout with --help', async () => {
    const cluster = createCluster({ seed: 3 });
    expect(await cluster.exec('kubectl set')).toEqual({ stdout: '', stderr: HELP['set'], exitCode: 1 });
    expect(await cluster.exec('kubectl set --help')).toEqual({
      stdout: HELP['set'],
      stderr: '',
      exitCode: 0,
    });
    expect(await cluster.exec('kubectl set image --help')).toEqual({
      stdout: HELP['set image'],
      stderr: '',
      exitCode: 0,
    });
    expect(await cluster.exec('kubectl set foo')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "foo"\nSee \'kubectl set -h\' for help and examples\n',
      exitCode: 1,
    });
  });
});
