/** `kubectl expose`, `run` and `patch` against the real kubectl's answers, and their effect. */
import { describe, expect, it } from 'vitest';
import { courseCluster, expectLikeFixture } from './helpers.ts';

describe('fixtures from kubectl 1.35', () => {
  for (const name of [
    'expose-bad-type',
    'expose-deploy',
    'expose-deploy-dry-run',
    'expose-deploy-exists',
    'expose-deploy-infer-port-dry-run',
    'expose-deploy-loadbalancer-dry-run',
    'expose-deploy-no-port',
    'expose-deploy-not-found',
    'expose-no-args',
    'expose-svc-dry-run',
    'expose-unknown-flag',
    'run',
    'run-dry-run',
    'run-expose',
    'run-expose-dry-run',
    'run-expose-no-port',
    'run-no-image',
    'run-no-name',
    'run-port-labels-dry-run',
    'run-restart-never-command-dry-run',
    'patch-no-patch',
    'patch-svc-json',
    'patch-svc-labels',
    'patch-svc-merge-node-port',
    'patch-svc-no-change',
  ]) {
    it(name, async () => {
      await expectLikeFixture(await courseCluster(), name);
    });
  }
});

describe('kubectl expose', () => {
  it('refuses kinds that select no pods', async () => {
    const cluster = await courseCluster();
    expect(await cluster.exec('kubectl expose node control-plane --port=82')).toEqual({
      stdout: '',
      stderr: 'error: cannot expose a Node\n',
      exitCode: 1,
    });
  });

  it('creates a service whose selector and ports come from the deployment', async () => {
    const cluster = await courseCluster();
    expect(
      (
        await cluster.exec(
          'kubectl expose deploy web --name=web-np --type=NodePort --port=82 --target-port=300',
        )
      ).stdout,
    ).toBe('service/web-np exposed\n');
    const spec = cluster.api.get('services', 'default', 'web-np')['spec'] as {
      selector: unknown;
      ports: { port: number; targetPort: number; nodePort: number }[];
    };
    expect(spec.selector).toEqual({ app: 'web' });
    expect(spec.ports[0]).toMatchObject({ port: 82, targetPort: 300 });
    expect(spec.ports[0]?.nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('names each port when the object has several', async () => {
    const cluster = await courseCluster();
    cluster.fs.write(
      'pod.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\n  labels:\n    app: two\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 300\n    - containerPort: 301\n',
    );
    await cluster.exec('kubectl create -f pod.yaml');
    const result = await cluster.exec('kubectl expose pod two --dry-run=client -o yaml');
    expect(result.stdout).toContain(
      '  - name: port-1\n    port: 300\n    protocol: TCP\n    targetPort: 300\n  - name: port-2\n    port: 301\n',
    );
  });
});

describe('kubectl run', () => {
  it('runs a throw-away client pod, prints what its command printed, then deletes it', async () => {
    const cluster = await courseCluster();
    // nginx answers on 80 (the course's Service points at 300, where nothing listens).
    await cluster.exec('kubectl expose deploy web --name=web80 --port=80');
    cluster.settle(10_000);
    const result = await cluster.exec(
      'kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- http://web80',
    );
    expect(result.stdout).toMatch(
      /^<!DOCTYPE html>\n[\s\S]*<h1>Welcome to nginx!<\/h1>[\s\S]*\npod "tmp" deleted from default namespace\n$/,
    );
    expect(cluster.api.tryGet('pods', 'default', 'tmp')).toBeUndefined();
    expect(result.exitCode).toBe(0);
  });

  it('says it cannot use a TTY without a terminal, and reads the script from stdin', async () => {
    const cluster = await courseCluster();
    const result = await cluster.exec(
      "kubectl run tmp --rm -it --image=busybox --restart=Never <<'EOF'\nhostname\nEOF",
    );
    expect(result.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    expect(result.stdout).toBe('tmp\npod "tmp" deleted from default namespace\n');
  });

  it("attaches a live terminal to the pod's shell and deletes the pod when it exits", async () => {
    const cluster = await courseCluster();
    const live = { interactive: true };
    // A live terminal waits for the page to move the clock with the wall clock, as here.
    const ticking = setInterval(() => cluster.advance(500), 1);
    const start = await cluster
      .exec('kubectl run tmp --rm -it --image=busybox --restart=Never', live)
      .finally(() => clearInterval(ticking));
    expect(start).toEqual({
      stdout: '',
      stderr: "If you don't see a command prompt, try pressing enter.\n",
      exitCode: 0,
    });
    expect((await cluster.exec('hostname', live)).stdout).toBe('tmp\n');
    expect((await cluster.exec('exit', live)).stdout).toBe('pod "tmp" deleted from default namespace\n');
    expect(cluster.api.tryGet('pods', 'default', 'tmp')).toBeUndefined();
  });

  it('reports a failing command with its exit code', async () => {
    const cluster = await courseCluster();
    const result = await cluster.exec(
      "kubectl run tmp --rm -i --image=busybox --restart=Never -- sh -c 'exit 3'",
    );
    expect(result).toEqual({
      stdout: 'pod "tmp" deleted from default namespace\n',
      stderr: 'pod default/tmp terminated (Error)\n',
      exitCode: 3,
    });
  });
});

describe('kubectl patch', () => {
  const TIMEOUT_ONLY = `kubectl patch service web -p '{"spec":{"sessionAffinityConfig":{"clientIP":{"timeoutSeconds":1800}}}}'`;

  it('says "(no change)" when the server\'s defaulting undoes the patch, and writes nothing', async () => {
    // SetDefaults_Service drops sessionAffinityConfig while sessionAffinity is None.
    const cluster = await courseCluster();
    const before = cluster.api.get('services', 'default', 'web');
    expect(await cluster.exec(TIMEOUT_ONLY)).toEqual({
      stdout: 'service/web patched (no change)\n',
      stderr: '',
      exitCode: 0,
    });
    const after = cluster.api.get('services', 'default', 'web');
    expect(after['spec']).not.toHaveProperty('sessionAffinityConfig');
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('keeps the timeout once sessionAffinity is ClientIP', async () => {
    const cluster = await courseCluster();
    await cluster.exec(`kubectl patch service web -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    expect((await cluster.exec(TIMEOUT_ONLY)).stdout).toBe('service/web patched\n');
    expect(cluster.api.get('services', 'default', 'web')['spec']).toMatchObject({
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 1800 } },
    });
  });
});
