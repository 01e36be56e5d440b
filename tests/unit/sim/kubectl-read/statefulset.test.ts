/** A StatefulSet behind a headless Service, as kubectl 1.35 shows it and as a pod resolves it. */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../../src/sim/index.ts';

const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
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
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

async function run(cluster: Cluster, line: string): Promise<string> {
  const result = await cluster.exec(line);
  return result.stdout + result.stderr;
}

async function applied(): Promise<Cluster> {
  const cluster = createCluster({ seed: 2 });
  cluster.fs.write('web.yaml', MANIFEST);
  await run(cluster, 'kubectl apply -f web.yaml');
  return cluster;
}

describe('kubectl and a StatefulSet', () => {
  it('rollout status waits for the pods one by one, in the status viewer words', async () => {
    const cluster = await applied();
    expect(await run(cluster, 'kubectl get pods')).toBe(
      'NAME    READY   STATUS              RESTARTS   AGE\nweb-0   0/1     ContainerCreating   0          0s\n',
    );
    expect(await run(cluster, 'kubectl rollout status statefulset/web')).toBe(
      'Waiting for 3 pods to be ready...\nWaiting for 2 pods to be ready...\n' +
        'partitioned roll out complete: 3 new pods have been updated...\n',
    );
    expect(await run(cluster, 'kubectl get sts')).toMatch(/^NAME {3}READY {3}AGE\nweb {4}3\/3 {5}\d+s\n$/);
    expect(await run(cluster, 'kubectl get statefulsets -o wide')).toMatch(
      /^NAME {3}READY {3}AGE {3}CONTAINERS {3}IMAGES\nweb {4}3\/3 {5}\d+s {4}nginx {8}nginx:1\.27\n$/,
    );
  });

  it('gives each pod its stable name, its labels, and hostname and subdomain', async () => {
    const cluster = await applied();
    await run(cluster, 'kubectl rollout status sts/web');
    expect(await run(cluster, 'kubectl get pods -o name')).toBe('pod/web-0\npod/web-1\npod/web-2\n');
    const labels = await run(cluster, "kubectl get pod web-1 -o jsonpath='{.metadata.labels}'");
    expect(JSON.parse(labels)).toMatchObject({
      app: 'web',
      'apps.kubernetes.io/pod-index': '1',
      'statefulset.kubernetes.io/pod-name': 'web-1',
      'controller-revision-hash': expect.stringMatching(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/),
    });
    expect(await run(cluster, "kubectl get pod web-1 -o jsonpath='{.spec.hostname} {.spec.subdomain}'")).toBe(
      'web-1 web',
    );
  });

  it('describes the set as kubectl 1.35 StatefulSetDescriber does (no Service Name line before 1.36)', async () => {
    const cluster = await applied();
    await run(cluster, 'kubectl rollout status sts/web');
    const text = await run(cluster, 'kubectl describe statefulset web');
    expect(text).toContain(
      [
        'Selector:           app=web',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           3 desired | 3 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        'Pods Status:        3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
      ].join('\n'),
    );
    expect(text).toContain('Volume Claims:     <none>\nEvents:\n');
    expect(text).toMatch(
      /Normal {2}SuccessfulCreate {2}\d+s +statefulset-controller {2}create Pod web-2 in StatefulSet web successful\n$/,
    );
  });

  it('prints what kubectl 1.35.2 printed for the same StatefulSet, byte for byte', async () => {
    const cluster = await applied();
    await run(cluster, 'kubectl rollout status sts/web');
    await run(cluster, 'kubectl label sts web tier=db');
    await run(cluster, 'kubectl annotate sts web note=hello');
    // Captured from the real kubectl 1.35.2 reading these objects from an API server.
    expect(await run(cluster, 'kubectl describe statefulset web --show-events=false')).toBe(
      [
        'Name:               web',
        'Namespace:          default',
        'CreationTimestamp:  Mon, 05 Jan 2026 09:10:00 +0000',
        'Selector:           app=web',
        'Labels:             tier=db',
        'Annotations:        note: hello',
        'Replicas:           3 desired | 3 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        'Pods Status:        3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Volume Claims:     <none>',
        '',
      ].join('\n'),
    );
  });

  it('scales down from the highest ordinal', async () => {
    const cluster = await applied();
    await run(cluster, 'kubectl rollout status sts/web');
    expect(await run(cluster, 'kubectl scale sts web --replicas=1')).toBe('statefulset.apps/web scaled\n');
    expect(await run(cluster, 'kubectl get pods')).toMatch(/web-2 +1\/1 +Terminating/);
    expect(await run(cluster, 'kubectl get pods')).toMatch(/web-1 +1\/1 +Running/);
    await run(cluster, 'sleep 10');
    expect(await run(cluster, 'kubectl get pods -o name')).toBe('pod/web-0\n');
  });

  it('rolls a new image out from the highest ordinal down', async () => {
    const cluster = await applied();
    await run(cluster, 'kubectl rollout status sts/web');
    const before = await run(cluster, "kubectl get sts web -o jsonpath='{.status.currentRevision}'");
    await run(cluster, 'kubectl set image statefulset/web nginx=nginx:1.28');
    expect(await run(cluster, 'kubectl get pods')).toMatch(/web-2 +1\/1 +Terminating/);
    expect(await run(cluster, 'kubectl rollout status sts/web')).toBe(
      [
        'Waiting for partitioned roll out to finish: 0 out of 3 new pods have been updated...',
        'Waiting for 1 pods to be ready...',
        'Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...',
        'Waiting for 1 pods to be ready...',
        'Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...',
        'Waiting for 1 pods to be ready...',
        'partitioned roll out complete: 3 new pods have been updated...\n',
      ].join('\n'),
    );
    const status = JSON.parse(await run(cluster, "kubectl get sts web -o jsonpath='{.status}'"));
    expect(status.currentRevision).not.toBe(before);
    expect(status).toMatchObject({
      currentRevision: status.updateRevision,
      currentReplicas: 3,
      updatedReplicas: 3,
    });
  });

  it('refuses rollout status for OnDelete as kubectl does', async () => {
    const cluster = await applied();
    await run(
      cluster,
      `kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
    );
    const result = await cluster.exec('kubectl rollout status sts/web');
    expect(result.stderr).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
    expect(result.exitCode).toBe(1);
  });

  it('resolves each pod by name under the headless Service, and the Service to every ready pod', async () => {
    const cluster = await applied();
    await run(cluster, 'kubectl rollout status sts/web');
    const ip = (name: string) => run(cluster, `kubectl get pod ${name} -o jsonpath='{.status.podIP}'`);
    const web1 = await ip('web-1');
    const lookup = await run(
      cluster,
      'kubectl run dns --rm -i --image=busybox --restart=Never -- nslookup web-1.web.default.svc.cluster.local',
    );
    expect(lookup).toContain(`Name:\tweb-1.web.default.svc.cluster.local\nAddress: ${web1}\n`);
    const all = await run(
      cluster,
      'kubectl run dns --rm -i --image=busybox --restart=Never -- nslookup web.default.svc.cluster.local',
    );
    for (const name of ['web-0', 'web-1', 'web-2']) expect(all).toContain(`Address: ${await ip(name)}\n`);
    const page = await run(
      cluster,
      'kubectl run c --rm -i --image=curlimages/curl --restart=Never -- curl -s web-2.web',
    );
    expect(page).toContain('<title>Welcome to nginx!</title>');
    const missing = await run(
      cluster,
      'kubectl run dns --rm -i --image=busybox --restart=Never -- nslookup web-3.web.default.svc.cluster.local',
    );
    expect(missing).toContain("** server can't find web-3.web.default.svc.cluster.local: NXDOMAIN");
  });
});
