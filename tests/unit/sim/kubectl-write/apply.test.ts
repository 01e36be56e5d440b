/** `kubectl apply`: created / configured / unchanged, the last-applied annotation, the merge. */
import { describe, expect, it } from 'vitest';
import { courseCluster, expectLikeFixture } from './helpers.ts';

describe('kubectl apply matches kubectl 1.35', () => {
  for (const name of [
    'apply-configured',
    'apply-directory',
    'apply-dry-run-client',
    'apply-dry-run-client-yaml',
    'apply-dry-run-server',
    'apply-invalid-yaml',
    'apply-missing-file',
    'apply-missing-last-applied',
    'apply-multi-document',
    'apply-new',
    'apply-no-file-flag',
    'apply-no-kind',
    'apply-node-port-out-of-range',
    'apply-stdin',
    'apply-unchanged',
    'apply-unknown-flag',
    'apply-unknown-kind',
  ]) {
    it(name, async () => {
      await expectLikeFixture(await courseCluster(), name);
    });
  }
});

describe('kubectl apply changes the cluster as a three-way merge', () => {
  const service = (extra: string) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  labels:\n    app: api\n${extra}spec:\n  selector:\n    app: api\n  ports:\n  - port: 80\n    targetPort: 8080\n`;

  it('writes the last-applied annotation exactly as kubectl does', async () => {
    const cluster = await courseCluster();
    cluster.fs.write('svc.yaml', service(''));
    expect((await cluster.exec('kubectl apply -f svc.yaml')).stdout).toBe('service/api created\n');
    const live = cluster.api.get('services', 'default', 'api');
    expect(live.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"api"},"name":"api","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"api"}}}\n',
    );
    expect((await cluster.exec('kubectl apply -f svc.yaml')).stdout).toBe('service/api unchanged\n');
  });

  it('removes what was applied before and is gone from the manifest, keeps what others set', async () => {
    const cluster = await courseCluster();
    cluster.fs.write('svc.yaml', service('  annotations:\n    team: blue\n'));
    await cluster.exec('kubectl apply -f svc.yaml');
    await cluster.exec('kubectl annotate svc api owner=ops');
    cluster.fs.write('svc.yaml', service(''));
    expect((await cluster.exec('kubectl apply -f svc.yaml')).stdout).toBe('service/api configured\n');
    const annotations = cluster.api.get('services', 'default', 'api').metadata.annotations ?? {};
    expect(annotations['team']).toBeUndefined();
    expect(annotations['owner']).toBe('ops');
    const spec = cluster.api.get('services', 'default', 'api')['spec'] as {
      clusterIP: string;
      ports: { protocol: string }[];
    };
    expect(spec.clusterIP).toMatch(/^10\.96\./);
    expect(spec.ports[0]?.protocol).toBe('TCP');
  });

  it('merges containers by name and ports by containerPort', async () => {
    const cluster = await courseCluster();
    const deployment = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n      - name: app\n        image: ${image}\n        ports:\n        - containerPort: 80\n`;
    cluster.fs.write('deploy.yaml', deployment('nginx:1.26'));
    await cluster.exec('kubectl apply -f deploy.yaml');
    cluster.fs.write('deploy.yaml', deployment('nginx:1.27'));
    expect((await cluster.exec('kubectl apply -f deploy.yaml')).stdout).toBe(
      'deployment.apps/api configured\n',
    );
    const live = cluster.api.get('deployments', 'default', 'api') as unknown as {
      spec: {
        template: { spec: { containers: { image: string; imagePullPolicy: string; ports: unknown[] }[] } };
      };
    };
    const container = live.spec.template.spec.containers[0];
    expect(container?.image).toBe('nginx:1.27');
    expect(container?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
  });

  it("sends a changed clusterIP and prints the server's refusal", async () => {
    const cluster = await courseCluster();
    cluster.fs.write('svc.yaml', service(''));
    await cluster.exec('kubectl apply -f svc.yaml');
    cluster.fs.write('svc.yaml', service('').replace('spec:\n', 'spec:\n  clusterIP: 10.96.0.5\n'));
    const result = await cluster.exec('kubectl apply -f svc.yaml');
    expect(result.stderr).toMatch(
      /^The Service "api" is invalid: spec\.clusterIPs\[0\]: Invalid value: \["10\.96\.0\.5"\]: may not change once set|^The Service "api" is invalid: spec\.clusterIP: Invalid value: "10\.96\.0\.5": field is immutable/,
    );
    expect(result.exitCode).toBe(1);
  });

  it('warns about an object created without the annotation, then patches it in', async () => {
    const cluster = await courseCluster();
    cluster.fs.write('svc.yaml', service(''));
    await cluster.exec('kubectl create -f svc.yaml');
    const first = await cluster.exec('kubectl apply -f svc.yaml');
    expect(first.stderr).toContain(
      'Warning: resource services/api is missing the kubectl.kubernetes.io/last-applied-configuration annotation',
    );
    expect(first.stdout).toBe('service/api configured\n');
    const second = await cluster.exec('kubectl apply -f svc.yaml');
    expect(second).toEqual({ stdout: 'service/api unchanged\n', stderr: '', exitCode: 0 });
  });

  it("shows the patch as the server's bad value when the result cannot be decoded (patch.go)", async () => {
    const cluster = await courseCluster();
    cluster.fs.write('svc.yaml', service(''));
    await cluster.exec('kubectl apply -f svc.yaml');
    cluster.fs.write('svc.yaml', service('').replace('spec:\n', 'spec:\n  tpye: NodePort\n'));
    const result = await cluster.exec('kubectl apply -f svc.yaml');
    expect(result.stderr).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{\\"apiVersion\\":\\"v1\\",.*\\n\]\] spec:map\[tpye:NodePort\]\]": strict decoding error: unknown field "spec\.tpye"\n$/,
    );
    expect(result.exitCode).toBe(1);
    expect(cluster.api.get('services', 'default', 'api')['spec']).not.toHaveProperty('tpye');
  });
});
