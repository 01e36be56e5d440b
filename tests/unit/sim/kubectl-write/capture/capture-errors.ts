/**
 * Captures the real kubectl 1.35's answers to the write commands' argument and flag mistakes
 * (fixtures/kubectl-errors.json), each run against the canned API server's seed cluster. Needs the
 * binary; the tests only read the captured file.
 *
 *   npx tsx tests/unit/sim/kubectl-write/capture/capture-errors.ts
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCannedApiServer } from '../../../../fixtures/capture/api-server.ts';
import { seedCluster } from '../../../../fixtures/capture/seed-cluster.ts';
import { runKubectl } from '../../../../fixtures/capture/kubectl-binary.ts';

export const ERROR_CASES: string[][] = [
  ['exec', 'web-6d4cf56db6-8kxzq', 'ls'],
  ['delete', 'svc', 'web', '-o', 'yaml'],
  ['delete', 'svc', 'web', '--now', '--grace-period=5'],
  ['delete', 'svc', '--all', '-l', 'app=web'],
  ['delete', 'svc'],
  ['delete', 'svc', 'nope'],
  ['delete', 'svc', 'web', '--dry-run=client'],
  ['delete', 'svc', 'web', '--dry-run=server', '-o', 'name'],
  ['delete', 'ns', 'kube-node-lease', '--dry-run=client'],
  ['logs', 'web-6d4cf56db6-8kxzq', '--since=1h', '--since-time=2020-01-01T00:00:00Z'],
  ['logs', '-l', 'app=web', 'web-6d4cf56db6-8kxzq'],
  ['logs', 'deploy/nope'],
  ['logs', 'web-6d4cf56db6-8kxzq', '-c', 'nope'],
  ['run', 'x', '--image=nginx', '--restart=Sometimes'],
  ['run', 'x', '--image=nginx', '--image-pull-policy=Foo'],
  ['run', 'x', '--image=nginx', '--rm'],
  ['run', 'x', '--image=nginx', '-t'],
  ['run', 'x', '--image=nginx', '-it', '--dry-run=client'],
  ['run', 'x', '--image=nginx', '--port=abc', '--dry-run=client'],
  ['run', 'x', '--image=nginx', '--env=FOO', '--dry-run=client'],
  ['run', 'x', '--image=nginx', '--labels=foo', '--dry-run=client'],
  [
    'run',
    'x',
    '--image=nginx',
    '--env=A=1',
    '--env=B=2,3',
    '--annotations=a=b',
    '--command',
    '--dry-run=client',
    '-o',
    'yaml',
    '--',
    'sleep',
    '1',
  ],
  ['label', 'svc', 'web', 'a=b=c'],
  ['label', 'svc', 'web', 'a=b', 'x'],
  ['label', 'svc', 'web', 'a=b', 'a-'],
  ['label', 'svc', 'web', '--list'],
  ['label', 'svc', 'web', 'a=b', '--dry-run=client'],
  ['label', 'svc', 'web', 'a=b', '-o', 'name'],
  ['annotate', 'svc', 'web', 'abc'],
  ['annotate', 'svc', 'web', 'a=b', '--dry-run=client'],
  ['patch', 'svc', 'web', '-p', '{}', '--type=foo'],
  ['patch', 'svc', 'web', '-p', 'a: [b'],
  ['patch', 'svc', 'web', '-p', '{"spec":{"type":"NodePort"}}', '--patch-file=x.json'],
  ['wait', '--for=condition=Ready', 'pod', '-l', 'app=nomatch'],
  ['wait', '--for=foo', 'deploy/web'],
  ['rollout', 'status', 'rs/web-6d4cf56db6'],
  ['rollout', 'history', 'deploy/web'],
  ['rollout', 'resume', 'deploy/web'],
  ['port-forward', 'svc/web', '8080:99'],
  ['port-forward', 'pod/web-6d4cf56db6-8kxzq', 'abc:80'],
  ['expose', 'deploy', 'web', '--port=abc'],
  ['expose', 'deploy', 'web', '--selector=foo'],
  ['expose', 'deploy', 'web', '--labels=foo', '--port=80', '--dry-run=client'],
  ['create', 'deployment', 'x', '--image=nginx', '-o', 'wide'],
  ['create', 'deployment', 'a', 'b', '--image=x'],
  ['create', 'deployment', 'web', '--image=a', '--image=b', '--', 'sleep', '1'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=foo'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:Bad_Name', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:99999', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'web', '--tcp=70000', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:http,443:8443', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'externalname', 'web', '--external-name=Bad_Name', '--dry-run=client'],
  ['create', 'service', 'nodeport', 'web', '--tcp=80', '--dry-run=client', '-o', 'json'],
  ['create', 'namespace'],
  ['create', 'foo'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '--save-config', '-o', 'yaml'],
  ['apply', '-f', 'missing.yaml', '-o', 'wide'],
  ['scale', 'deploy', 'web', '--replicas=3', '--current-replicas=5'],
  ['delete', '-f', 'nothere.yaml'],
  ['delete', '-f', 'nothere.yaml', '--ignore-not-found'],
  ['delete', '-f', 'nothere.yaml', 'svc'],
  ['label', '-f', 'nothere.yaml', 'a=b'],
  ['scale', 'deploy/web', 'rs/web-6d4cf56db6', '--replicas=3', '--dry-run=server'],
];

/** A manifest of a Service the cluster does not have (kubectl-errors.test.ts writes the same file). */
const NOT_THERE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: nothere\nspec:\n  ports:\n  - port: 80\n';

const here = new URL('../fixtures/', import.meta.url).pathname;
const now = new Date();
const server = await startCannedApiServer(() => now);
const home = mkdtempSync(join(tmpdir(), 'kubectl-home-'));
const cwd = join(home, 'work');
mkdirSync(cwd);
const kubeconfig = join(home, 'config');
writeFileSync(
  kubeconfig,
  `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${server.url}\n  name: c\ncontexts:\n- context:\n    cluster: c\n    user: u\n  name: c\ncurrent-context: c\nusers:\n- name: u\n  user: {}\n`,
);
const results: { args: string[]; stdout: string; stderr: string; exitCode: number }[] = [];
writeFileSync(join(cwd, 'nothere.yaml'), NOT_THERE);
for (const args of ERROR_CASES) {
  server.reset(seedCluster(now));
  results.push({ args, ...(await runKubectl(args, { home, kubeconfig, cwd })) });
}
await server.close();
writeFileSync(join(here, 'kubectl-errors.json'), `${JSON.stringify(results, null, 1)}\n`);
console.log(`captured ${results.length} cases`);
