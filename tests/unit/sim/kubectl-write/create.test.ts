/** `kubectl create`: the generators and `-f`, against the real kubectl's captured answers. */
import { describe, expect, it } from 'vitest';
import { courseCluster, expectLikeFixture } from './helpers.ts';

describe('kubectl create matches kubectl 1.35', () => {
  for (const name of [
    'create-deployment',
    'create-deployment-dry-run',
    'create-deployment-exists',
    'create-deployment-no-image',
    'create-deployment-no-name',
    'create-deployment-replicas-port-dry-run',
    'create-f-exists',
    'create-f-file',
    'create-f-missing-file',
    'create-namespace',
    'create-namespace-dry-run',
    'create-namespace-exists',
    'create-no-args',
    'create-service-clusterip-dry-run',
    'create-service-clusterip-headless-dry-run',
    'create-service-externalname-dry-run',
    'create-service-externalname-no-name',
    'create-service-loadbalancer-dry-run',
    'create-service-no-subcommand',
    'create-service-nodeport',
    'create-service-nodeport-allocated',
    'create-service-nodeport-bad-node-port',
    'create-service-nodeport-bad-tcp',
    'create-service-nodeport-dry-run',
    'create-service-nodeport-exists',
    'create-service-nodeport-no-name',
    'create-service-nodeport-no-tcp',
    'create-service-nodeport-node-port-dry-run',
    'create-service-nodeport-out-of-range',
    'create-service-unknown-subcommand',
    'create-unknown-flag',
  ]) {
    it(name, async () => {
      await expectLikeFixture(await courseCluster(), name);
    });
  }
});

describe('kubectl create changes the cluster', () => {
  it('creates the deployment kubectl generates, with labels app=NAME', async () => {
    const cluster = await courseCluster();
    await cluster.exec('kubectl create deployment api --image=nginx:1.27 --replicas=3 --port=8080');
    const deployment = cluster.api.get('deployments', 'default', 'api') as unknown as {
      metadata: { labels: Record<string, string> };
      spec: { replicas: number; template: { spec: { containers: { name: string; ports: unknown }[] } } };
    };
    expect(deployment.metadata.labels).toEqual({ app: 'api' });
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers[0]).toMatchObject({
      name: 'nginx',
      ports: [{ containerPort: 8080 }],
    });
  });

  it('stores nothing on a client or server dry run', async () => {
    const cluster = await courseCluster();
    expect((await cluster.exec('kubectl create svc nodeport api --tcp=80 --dry-run=server')).stdout).toBe(
      'service/api created (server dry run)\n',
    );
    expect((await cluster.exec('kubectl create ns demo --dry-run=client')).stdout).toBe(
      'namespace/demo created (dry run)\n',
    );
    expect(cluster.api.tryGet('services', 'default', 'api')).toBeUndefined();
    expect(cluster.api.tryGet('namespaces', undefined, 'demo')).toBeUndefined();
  });

  it('reads several documents from stdin and reports each failure after the successes', async () => {
    const cluster = await courseCluster();
    const result = await cluster.exec(
      "kubectl create -f - <<'EOF'\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n---\napiVersion: v1\nkind: Servic\nmetadata:\n  name: x\nEOF",
    );
    expect(result.stdout).toBe('namespace/demo created\n');
    expect(result.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": services "web" already exists\n' +
        'resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Servic" in version "v1"\nensure CRDs are installed first\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('rejects unknown fields as the server does with strict validation, and drops them with --validate=false', async () => {
    const cluster = await courseCluster();
    cluster.fs.write(
      'svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  prots:\n  - port: 80\n  ports:\n  - port: 80\n',
    );
    const strict = await cluster.exec('kubectl create -f svc.yaml');
    expect(strict.stderr).toBe(
      'Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.prots"\n',
    );
    const ignored = await cluster.exec('kubectl create -f svc.yaml --validate=false');
    expect(ignored.stdout).toBe('service/api created\n');
    expect(cluster.api.get('services', 'default', 'api')['spec']).not.toHaveProperty('prots');
  });

  it("reports a wrongly typed field with the Go decoder's words", async () => {
    const cluster = await courseCluster();
    cluster.fs.write(
      'svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n  - port: abc\n',
    );
    expect((await cluster.exec('kubectl create -f svc.yaml')).stderr).toBe(
      'Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n',
    );
  });
});
