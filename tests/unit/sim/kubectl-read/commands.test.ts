/** kubectl's read commands on a running simulated cluster: what a learner sees as the cluster changes. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';

async function clusterWithWeb() {
  const cluster = createCluster({ seed: 7 });
  await cluster.exec('kubectl create deployment web --image=nginx --replicas=2 --port=300');
  await cluster.exec('kubectl expose deployment web --type=NodePort --port=82 --target-port=300');
  await cluster.exec('sleep 30');
  return cluster;
}

const rowsOf = (text: string) => text.trimEnd().split('\n');

describe('kubectl get', () => {
  it('shows pods being created, then running and ready', async () => {
    const cluster = createCluster({ seed: 7 });
    await cluster.exec('kubectl create deployment web --image=nginx --replicas=2');
    const early = await cluster.exec('kubectl get pods');
    expect(rowsOf(early.stdout)[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    expect(early.stdout).toContain('ContainerCreating');
    await cluster.exec('sleep 30');
    const later = await cluster.exec('kubectl get pods');
    for (const row of rowsOf(later.stdout).slice(1))
      expect(row).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running +0 +30s$/);
  });

  it('prints one table per kind for `all`, names prefixed, a blank line between', async () => {
    const cluster = await clusterWithWeb();
    const { stdout, exitCode } = await cluster.exec('kubectl get all');
    expect(exitCode).toBe(0);
    const tables = stdout.trimEnd().split('\n\n');
    expect(tables.map((t) => t.split('\n')[1]?.split(' ')[0]?.split('/')[0])).toEqual([
      'pod',
      'service',
      'deployment.apps',
      'replicaset.apps',
    ]);
    expect(stdout).toMatch(/service\/web +NodePort +10\.\d+\.\d+\.\d+ +<none> +82:3\d{4}\/TCP +30s/);
  });

  it('adds NAMESPACE with -A, LABELS with --show-labels, a column per -L key', async () => {
    const cluster = await clusterWithWeb();
    const all = await cluster.exec('kubectl get pods -A');
    expect(rowsOf(all.stdout)[0]).toMatch(/^NAMESPACE +NAME +READY/);
    expect(all.stdout).toMatch(/\nkube-system +etcd-control-plane +1\/1 +Running/);
    const labels = await cluster.exec('kubectl get deploy --show-labels -L app');
    expect(rowsOf(labels.stdout)[0]).toMatch(/AGE +APP +LABELS$/);
    expect(rowsOf(labels.stdout)[1]).toMatch(/ web +app=web$/);
    const bare = await cluster.exec('kubectl get svc --no-headers');
    expect(bare.stdout).not.toContain('NAME');
  });

  it('selects with -l and --field-selector, with the server’s errors', async () => {
    const cluster = await clusterWithWeb();
    expect(rowsOf((await cluster.exec("kubectl get pods -l 'app in (web)' -o name")).stdout)).toHaveLength(2);
    expect((await cluster.exec('kubectl get pods -l app!=web')).stderr).toBe(
      'No resources found in default namespace.\n',
    );
    expect(
      rowsOf((await cluster.exec('kubectl get pods -A --field-selector status.phase=Running -o name')).stdout)
        .length,
    ).toBeGreaterThan(2);
    const bad = await cluster.exec("kubectl get pods -l 'app in'");
    expect(bad).toMatchObject({
      stderr: `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in", field selector "": unable to parse requirement: found '' expected: '('\n`,
      exitCode: 1,
    });
    const field = await cluster.exec('kubectl get svc --field-selector spec.foo=x');
    expect(field.stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=services" that match label selector "", field selector "spec.foo=x": field label not supported: spec.foo\n',
    );
    expect((await cluster.exec('kubectl get pods web -l app=web')).stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
  });

  it('prints found objects and then an error per missing name, exit 1', async () => {
    const cluster = await clusterWithWeb();
    const result = await cluster.exec('kubectl get svc nope web other');
    expect(rowsOf(result.stdout)).toHaveLength(2);
    expect(result.stderr).toBe(
      'Error from server (NotFound): services "nope" not found\nError from server (NotFound): services "other" not found\n',
    );
    expect(result.exitCode).toBe(1);
    expect((await cluster.exec('kubectl get deploy nope --ignore-not-found')).exitCode).toBe(0);
  });

  it('sorts with --sort-by and prints a custom column per spec', async () => {
    const cluster = await clusterWithWeb();
    const sorted = await cluster.exec('kubectl get pods -A --sort-by=.metadata.name -o name');
    const names = rowsOf(sorted.stdout);
    expect(names).toEqual([...names].sort());
    const custom = await cluster.exec(
      'kubectl get svc web -o custom-columns=NAME:.metadata.name,PORTS:.spec.ports[*].port',
    );
    expect(custom.stdout).toBe('NAME   PORTS\nweb    82\n');
  });

  it('with -w, prints a row per change until the cluster settles (headless)', async () => {
    const cluster = createCluster({ seed: 3 });
    await cluster.exec('kubectl create deployment web --image=nginx');
    const watched = await cluster.exec('kubectl get pods -w');
    const rows = rowsOf(watched.stdout);
    expect(rows[0]).toMatch(/^NAME +READY +STATUS/);
    expect(rows.some((r) => /ContainerCreating/.test(r))).toBe(true);
    expect(rows.at(-1)).toMatch(/1\/1 +Running/);
    // Rows stay aligned with the header (kubectl's tabwriter remembers column widths).
    const statusColumn = (rows[0] as string).indexOf('STATUS');
    for (const row of rows.slice(1))
      expect(row.slice(statusColumn)).toMatch(/^(ContainerCreating|Running|Pending)/);
  });

  it('says which namespace has nothing, and nothing more for cluster-wide lists', async () => {
    const cluster = createCluster({ seed: 1 });
    expect(await cluster.exec('kubectl get deploy -n kube-public')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in kube-public namespace.\n',
      exitCode: 0,
    });
    expect((await cluster.exec('kubectl get deploy -A -l app=none')).stderr).toBe('No resources found\n');
  });
});

describe('kubectl describe', () => {
  it('describes by name prefix, as kubectl does when the exact name is not found', async () => {
    const cluster = await clusterWithWeb();
    const pods = await cluster.exec('kubectl describe pods web');
    expect(pods.exitCode).toBe(0);
    expect(pods.stdout.match(/^Name: +web-/gm)).toHaveLength(2);
    expect(pods.stdout).toContain('\n\n\nName:');
    expect((await cluster.exec('kubectl describe pod nope')).stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });

  it('shows a service’s endpoints and the pod events table', async () => {
    const cluster = await clusterWithWeb();
    const svc = await cluster.exec('kubectl describe svc web');
    expect(svc.stdout).toMatch(/\nEndpoints: +10\.244\.\d+\.\d+:300,10\.244\.\d+\.\d+:300\n/);
    expect(svc.stdout).toMatch(/\nNodePort: +<unset>  3\d{4}\/TCP\n/);
    const pod = await cluster.exec('kubectl describe pods -l app=web');
    expect(pod.stdout).toMatch(
      /\nEvents:\n  Type {4}Reason +Age +From +Message\n  ---- {4}------ +---- +---- +-------\n  Normal  Scheduled /,
    );
  });

  it('names a named container port after its number, as kubectl 1.34+ does', async () => {
    const cluster = createCluster({ seed: 7 });
    cluster.fs.write(
      'web.yaml',
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web }',
        'spec:',
        '  selector: { matchLabels: { app: web } }',
        '  template:',
        '    metadata: { labels: { app: web } }',
        '    spec:',
        '      containers:',
        '        - name: hello',
        '          image: kube101/hello',
        '          ports: [{ name: http, containerPort: 300 }, { containerPort: 301 }]',
      ].join('\n'),
    );
    await cluster.exec('kubectl apply -f web.yaml');
    const deployment = await cluster.exec('kubectl describe deployment web');
    expect(deployment.stdout).toMatch(/\n {4}Ports: +300\/TCP \(http\), 301\/TCP\n/);
  });
});

describe('kubectl config and cluster-info', () => {
  it('changes the namespace commands use with set-context --current', async () => {
    const cluster = createCluster({ seed: 1 });
    expect((await cluster.exec('kubectl config set-context --current --namespace=kube-system')).stdout).toBe(
      'Context "kubernetes-admin@kubernetes" modified.\n',
    );
    expect((await cluster.exec('kubectl get pods')).stdout).toContain('etcd-control-plane');
    expect((await cluster.exec('kubectl config get-contexts')).stdout).toMatch(
      /\*\s+kubernetes-admin@kubernetes\s+kubernetes\s+kubernetes-admin\s+kube-system\n/,
    );
    expect((await cluster.exec('kubectl config view --minify -o jsonpath={..namespace}')).stdout).toBe(
      'kube-system',
    );
  });

  it('prints the control plane and CoreDNS addresses', async () => {
    const cluster = createCluster({ seed: 1 });
    const info = await cluster.exec('kubectl cluster-info');
    expect(info.stdout).toMatch(/^Kubernetes control plane is running at https:\/\/192\.168\.49\.2:6443\n/);
    expect(info.stdout).toContain('/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n');
  });
});

describe('kubectl version', () => {
  it('prints the server version with the compatibility fields a 1.35 API server sends', async () => {
    const cluster = createCluster({ seed: 1 });
    const { stdout } = await cluster.exec('kubectl version -o json');
    const parsed = JSON.parse(stdout) as {
      serverVersion: Record<string, string>;
      clientVersion: Record<string, string>;
    };
    expect(Object.keys(parsed)).toEqual(['clientVersion', 'kustomizeVersion', 'serverVersion']);
    expect(parsed.serverVersion).toMatchObject({
      gitVersion: 'v1.35.2',
      emulationMinor: '35',
      minCompatibilityMinor: '34',
    });
    expect(parsed.clientVersion).not.toHaveProperty('emulationMajor');
    expect(await cluster.exec('kubectl version -o foo')).toMatchObject({
      stderr: "error: --output must be 'yaml' or 'json'\n",
      exitCode: 1,
    });
  });
});

describe('unknown commands', () => {
  it('suggests the commands within two edits or sharing the prefix', async () => {
    const cluster = createCluster({ seed: 1 });
    expect(await cluster.exec('kubectl descrbe pods')).toMatchObject({
      stderr: 'error: unknown command "descrbe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n',
      exitCode: 1,
    });
  });
});

describe('kubectl describe of a kind without its own describer', () => {
  it('prints every field with smart labels, as the generic describer does', async () => {
    const cluster = createCluster({ seed: 1 });
    await cluster.exec('kubectl run p --image=nginx');
    const { stdout, exitCode } = await cluster.exec('kubectl describe events p');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(
      /^Name: +p\.[0-9a-f]+\nNamespace: +default\nLabels: +<none>\nAnnotations: +<none>\nAPI Version: +v1\n/,
    );
    expect(stdout).toMatch(/\nInvolved Object:\n {2}API Version: +v1\n/);
    expect(stdout).toMatch(/\nEvent Time: +<nil>\n/);
  });
});
