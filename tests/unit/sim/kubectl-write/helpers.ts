/**
 * A cluster in the state the kubectl fixtures were captured against (tests/fixtures: Deployment
 * `web` with two nginx pods on port 300, NodePort Service `web` 82 → 300 on 30033, created without
 * the last-applied annotation), and a check that a command answers exactly as the real kubectl did.
 */
import { expect } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import type { Cluster, ExecResult } from '../../../../src/sim/cluster-types.ts';
import { loadFixture } from '../../../fixtures/load.ts';

export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 300
`;

export const WEB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 82
    targetPort: 300
    nodePort: 30033
`;

export async function courseCluster(): Promise<Cluster> {
  const cluster = createCluster({ seed: 7 });
  cluster.fs.write('/tmp/seed/web.yaml', `${WEB_DEPLOYMENT}---\n${WEB_SERVICE}`);
  const result = await cluster.exec('kubectl create -f /tmp/seed/web.yaml');
  if (result.exitCode !== 0) throw new Error(`seeding failed: ${result.stderr}`);
  cluster.fs.remove('/tmp/seed/web.yaml');
  cluster.settle(60_000);
  return cluster;
}

/** Run the fixture's command line (after its setup and with its files) and compare everything. */
export async function expectLikeFixture(cluster: Cluster, name: string): Promise<ExecResult> {
  const fixture = loadFixture(name);
  for (const [path, content] of Object.entries(fixture.files ?? {})) cluster.fs.write(path, content);
  for (const step of fixture.setup ?? []) await cluster.exec(`kubectl ${step.map(quote).join(' ')}`);
  const line = `kubectl ${fixture.args.map(quote).join(' ')}`;
  const result =
    fixture.stdin !== undefined
      ? await cluster.exec(
          `${line} <<'FIXTURE_EOF'\n${fixture.stdin}${fixture.stdin.endsWith('\n') ? '' : '\n'}FIXTURE_EOF`,
        )
      : await cluster.exec(line);
  expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
    stdout: fixture.stdout,
    stderr: fixture.stderr,
    exitCode: fixture.exitCode,
  });
  return result;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
