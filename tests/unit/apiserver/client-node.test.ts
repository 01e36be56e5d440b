/**
 * A second client: the official JavaScript client (@kubernetes/client-node) lists, watches,
 * patches and execs through `kubesim serve` as it would against a real cluster.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppsV1Api,
  CoreV1Api,
  Exec,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  Watch,
  type V1Status,
} from '@kubernetes/client-node';
import { createCluster } from '../../../src/sim/index.ts';
import { startApiServer, type RunningApiServer } from '../../../src/apiserver/server.ts';
import { kubeconfigFor } from '../../../src/apiserver/kubeconfig.ts';

let server: RunningApiServer;
let config: KubeConfig;

beforeAll(async () => {
  const cluster = createCluster({ seed: 5 });
  await cluster.exec('kubectl create deployment web --image=kube101/hello --replicas=2 --port=300');
  await cluster.exec('kubectl expose deployment web --port=82 --target-port=300 --type=NodePort');
  cluster.settle();
  server = await startApiServer({ cluster, clock: 'stepped' });
  config = new KubeConfig();
  config.loadFromString(kubeconfigFor(server.url));
});

afterAll(() => server.close());

function collect(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('@kubernetes/client-node against kubesim serve', () => {
  it('lists pods by label, with the names the simulator gave them', async () => {
    const pods = await config.makeApiClient(CoreV1Api).listNamespacedPod({
      namespace: 'default',
      labelSelector: 'app=web',
    });
    const names = pods.items.map((pod) => pod.metadata?.name ?? '');
    expect(names).toHaveLength(2);
    expect(names.every((name) => name.startsWith('web-'))).toBe(true);
    expect(pods.items.every((pod) => pod.status?.phase === 'Running')).toBe(true);
  });

  it('patches a Service (merge patch) and reads the change back', async () => {
    const core = config.makeApiClient(CoreV1Api);
    await core.patchNamespacedService(
      { name: 'web', namespace: 'default', body: { metadata: { labels: { tier: 'frontend' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const service = await core.readNamespacedService({ name: 'web', namespace: 'default' });
    expect(service.metadata?.labels).toEqual({ app: 'web', tier: 'frontend' });
    expect(service.spec?.ports?.[0]?.port).toBe(82);
  });

  it('watches pods: scaling the Deployment to 3 adds a pod', async () => {
    const added: string[] = [];
    const watching = new Promise<string>((resolve, reject) => {
      void new Watch(config)
        .watch(
          '/api/v1/namespaces/default/pods',
          { labelSelector: 'app=web' },
          (phase, pod: { metadata: { name: string } }) => {
            if (phase === 'ADDED') added.push(pod.metadata.name);
            if (added.length === 3) resolve(pod.metadata.name);
          },
          (error: unknown) => (error ? reject(error as Error) : undefined),
        )
        .then((controller) => setTimeout(() => controller.abort(), 10_000));
    });
    await config
      .makeApiClient(AppsV1Api)
      .patchNamespacedDeployment(
        { name: 'web', namespace: 'default', body: { spec: { replicas: 3 } } },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      );
    const third = await watching;
    expect(third.startsWith('web-')).toBe(true);
    expect(new Set(added).size).toBe(3);
  });

  it('execs in a pod: stdout, and the exit code in the final Status', async () => {
    const pods = await config.makeApiClient(CoreV1Api).listNamespacedPod({
      namespace: 'default',
      labelSelector: 'app=web',
    });
    const pod = pods.items[0]?.metadata?.name as string;
    const stdout = collect();
    const stderr = collect();
    const status = await new Promise<V1Status>((resolve) => {
      void new Exec(config).exec(
        'default',
        pod,
        'hello',
        ['sh', '-c', 'hostname; exit 3'],
        stdout.stream,
        stderr.stream,
        null,
        false,
        resolve,
      );
    });
    expect(stdout.text()).toBe(`${pod}\n`);
    expect(status.status).toBe('Failure');
    expect(status.details?.causes?.[0]).toEqual({ reason: 'ExitCode', message: '3' });
  });
});
