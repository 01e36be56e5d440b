/** `kubectl logs`, `exec`, `rollout`, `wait`, `port-forward` and `edit`: fixtures and behaviour. */
import { describe, expect, it } from 'vitest';
import { courseCluster, expectLikeFixture } from './helpers.ts';

describe('fixtures from kubectl 1.35', () => {
  for (const name of [
    'logs-no-args',
    'logs-not-found',
    'exec-no-args',
    'exec-no-command',
    'port-forward-no-args',
    'port-forward-no-port',
    'rollout-no-subcommand',
    'rollout-restart',
    'rollout-status',
    'rollout-status-deployment-name',
    'rollout-status-svc',
    'wait-deploy-available',
    'wait-no-for',
    'wait-timeout',
    'edit-not-found',
  ]) {
    it(name, async () => {
      await expectLikeFixture(await courseCluster(), name);
    });
  }
});

describe('kubectl rollout status', () => {
  it('prints each step while the controllers bring the new pods up, then the success line', async () => {
    const cluster = await courseCluster();
    await cluster.exec('kubectl create deployment api --image=nginx --replicas=3');
    const result = await cluster.exec('kubectl rollout status deploy/api');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Waiting for deployment "api" rollout to finish: \d (out )?of 3 /);
    expect(lines.at(-1)).toBe('deployment "api" successfully rolled out');
    expect(new Set(lines).size).toBe(lines.length);
    expect(result.exitCode).toBe(0);
  });

  it('times out on a rollout whose image cannot be pulled', async () => {
    const cluster = await courseCluster();
    await cluster.exec('kubectl create deployment api --image=nginxx');
    const result = await cluster.exec('kubectl rollout status deploy/api --timeout=20s');
    expect(result.stdout).toBe(
      'Waiting for deployment "api" rollout to finish: 0 of 1 updated replicas are available...\n',
    );
    expect(result.stderr).toBe('error: timed out waiting for the condition\n');
  });
});

describe('kubectl wait', () => {
  it('waits for every selected pod to be Ready', async () => {
    const cluster = await courseCluster();
    await cluster.exec('kubectl scale deploy web --replicas=3');
    const result = await cluster.exec('kubectl wait --for=condition=Ready pod -l app=web --timeout=60s');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(result.stdout).toMatch(/^(pod\/web-[a-z0-9]+-[a-z0-9]+ condition met\n){3}$/);
  });
});

describe('kubectl logs and exec', () => {
  it('shows a pod that is still pulling its image as the kubelet says it', async () => {
    const cluster = await courseCluster();
    await cluster.exec('kubectl run bad --image=nginxx');
    cluster.advance(60_000);
    expect(await cluster.exec('kubectl logs bad')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image\n',
      exitCode: 1,
    });
  });

  it('logs of a deployment pick one pod and say so', async () => {
    const cluster = await courseCluster();
    const result = await cluster.exec('kubectl logs deploy/web --tail=1');
    expect(result.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]+\n$/);
  });

  it('runs a command in the pod and passes its exit code on', async () => {
    const cluster = await courseCluster();
    const pod = cluster.api.list('pods', 'default').find((p) => p.metadata.labels?.['app'] === 'web');
    expect((await cluster.exec(`kubectl exec ${pod?.metadata.name} -- hostname`)).stdout).toBe(
      `${pod?.metadata.name}\n`,
    );
    expect(await cluster.exec(`kubectl exec ${pod?.metadata.name} -- sh -c 'exit 3'`)).toEqual({
      stdout: '',
      stderr: 'command terminated with exit code 3\n',
      exitCode: 3,
    });
    expect((await cluster.exec(`kubectl exec ${pod?.metadata.name} -c nope -- ls`)).stderr).toBe(
      `Error from server (BadRequest): container nope is not valid for pod ${pod?.metadata.name}\n`,
    );
  });
});

describe('kubectl port-forward', () => {
  it('translates a Service port to the pod port it targets', async () => {
    const cluster = await courseCluster();
    expect(await cluster.exec('kubectl port-forward svc/web 8080:82')).toEqual({
      stdout: 'Forwarding from 127.0.0.1:8080 -> 300\nForwarding from [::1]:8080 -> 300\n',
      stderr: '',
      exitCode: 0,
    });
  });
});

describe('kubectl port-forward in a live terminal', () => {
  it('lets the workstation reach the pod on localhost while it runs in the background', async () => {
    const cluster = await courseCluster();
    const live = { interactive: true };
    await cluster.exec('kubectl expose deploy web --name=web80 --port=80', live);
    cluster.settle(10_000);
    await cluster.exec('kubectl port-forward svc/web80 8080:80 &', live);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await cluster.exec('curl -s -o /dev/null -w "%{http_code}" localhost:8080', live)).stdout).toBe(
      '200',
    );
    await cluster.exec('kill %1', live);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await cluster.exec('curl -s localhost:8080', live)).exitCode).toBe(7);
  });
});

describe('kubectl edit', () => {
  it('says there is no editor when none is attached', async () => {
    const cluster = await courseCluster();
    expect(await cluster.exec('kubectl edit svc web')).toEqual({
      stdout: '',
      stderr: 'error: unable to launch the editor "vi"\n',
      exitCode: 1,
    });
  });

  it("opens the object under kubectl's header and applies what the editor saved", async () => {
    const cluster = await courseCluster();
    let opened = '';
    cluster.onEdit = async (path) => {
      opened = cluster.fs.read(path) ?? '';
      cluster.fs.write(path, opened.replace('targetPort: 300', 'targetPort: 301'));
    };
    expect(await cluster.exec('kubectl edit svc web')).toEqual({
      stdout: 'service/web edited\n',
      stderr: '',
      exitCode: 0,
    });
    expect(
      opened.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n"),
    ).toBe(true);
    expect(opened).toContain('\napiVersion: v1\nkind: Service\n');
    const spec = cluster.api.get('services', 'default', 'web')['spec'] as { ports: { targetPort: number }[] };
    expect(spec.ports[0]?.targetPort).toBe(301);
  });

  it('cancels when nothing changed', async () => {
    const cluster = await courseCluster();
    cluster.onEdit = async () => {};
    expect(await cluster.exec('kubectl edit svc web')).toEqual({
      stdout: '',
      stderr: 'Edit cancelled, no changes made.\n',
      exitCode: 0,
    });
  });
});
