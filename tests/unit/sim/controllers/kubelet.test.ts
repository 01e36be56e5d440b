import { describe, expect, it } from 'vitest';
import {
  createPod,
  event,
  eventsFor,
  isReady,
  newCluster,
  phaseOf,
  pods,
  type StoredPod,
} from './helpers.ts';

const get = (cluster: ReturnType<typeof newCluster>, name: string) =>
  cluster.api.get('pods', 'default', name) as StoredPod;

describe('kubelet', () => {
  it('moves a pod through ContainerCreating to Running and Ready with the statuses a kubelet writes', () => {
    const cluster = newCluster();
    createPod(cluster, 'web', { image: 'nginx' });
    cluster.advance(0);
    const creating = get(cluster, 'web');
    expect(phaseOf(creating)).toBe('Pending');
    expect(creating.status?.containerStatuses?.[0]).toMatchObject({
      name: 'web',
      state: { waiting: { reason: 'ContainerCreating' } },
      ready: false,
      restartCount: 0,
      image: 'nginx',
      imageID: '',
      started: false,
    });
    expect(creating.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });
    cluster.settle();
    const running = get(cluster, 'web');
    const node = running.spec?.nodeName;
    const nodeIndex = node === 'worker-1' ? 1 : 2;
    expect(phaseOf(running)).toBe('Running');
    expect(isReady(running)).toBe(true);
    expect(running.status?.hostIP).toBe(`192.168.49.${nodeIndex + 2}`);
    expect(running.status?.podIP).toBe(`10.244.${nodeIndex}.2`);
    expect(running.status?.qosClass).toBe('BestEffort');
    expect(running.status?.containerStatuses?.[0]).toMatchObject({
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:latest',
      imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
      state: { running: { startedAt: expect.any(String) } },
    });
    expect(running.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const events = eventsFor(cluster, 'web');
    expect(events).toContain(`Scheduled: Successfully assigned default/web to ${node}`);
    expect(events).toContain('Pulling: Pulling image "nginx"');
    expect(events.find((e) => e.startsWith('Pulled:'))).toMatch(
      /^Pulled: Successfully pulled image "nginx" in (\d+ms|\d+(\.\d+)?s) \((\d+ms|\d+(\.\d+)?s) including waiting\)\. Image size: \d+ bytes\.$/,
    );
    expect(events).toContain('Created: Created container: web');
    expect(events).toContain('Started: Started container web');
  });

  it('turns an image the registry does not have into ErrImagePull, then ImagePullBackOff, with back-off', () => {
    const cluster = newCluster();
    createPod(cluster, 'typo', { image: 'ngnix' });
    const state = () => get(cluster, 'typo').status?.containerStatuses?.[0]?.state;
    cluster.advance(0);
    for (let ms = 0; ms < 5000 && state()?.waiting?.reason === 'ContainerCreating'; ms += 100)
      cluster.advance(100);
    const error =
      'failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve image: pull access denied, ' +
      'repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(state()).toEqual({ waiting: { reason: 'ErrImagePull', message: error } });
    cluster.advance(1000);
    expect(get(cluster, 'typo').status?.containerStatuses?.[0]?.state).toEqual({
      waiting: {
        reason: 'ImagePullBackOff',
        message: `Back-off pulling image "ngnix": ErrImagePull: ${error}`,
      },
    });
    expect(phaseOf(get(cluster, 'typo'))).toBe('Pending');
    expect(
      event(cluster, 'typo', 'Failed')
        .map((e) => `${e.type} ${e.message}`)
        .sort(),
    ).toEqual([
      'Warning Error: ErrImagePull',
      'Warning Error: ImagePullBackOff',
      `Warning Failed to pull image "ngnix": ${error}`,
    ]);
    expect(event(cluster, 'typo', 'BackOff')[0]).toMatchObject({
      type: 'Normal',
      message: 'Back-off pulling image "ngnix"',
    });
    // Attempts back off 10s, 20s, 40s...: five minutes hold six or seven pulls, not thirty.
    cluster.advance(5 * 60 * 1000);
    const attempts = event(cluster, 'typo', 'Pulling')[0]?.count ?? 0;
    expect(attempts).toBeGreaterThanOrEqual(5);
    expect(attempts).toBeLessThanOrEqual(7);
  });

  it('marks a reference Docker cannot parse InvalidImageName', () => {
    const cluster = newCluster();
    createPod(cluster, 'upper', { image: 'NGINX' });
    cluster.settle();
    const message =
      'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase';
    expect(get(cluster, 'upper').status?.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: 'InvalidImageName', message },
    });
    expect(event(cluster, 'upper', 'InspectFailed')[0]?.message).toBe(message);
  });

  it('restarts a container whose process exits, backing off into CrashLoopBackOff', () => {
    const cluster = newCluster();
    createPod(cluster, 'bb', { image: 'busybox' });
    cluster.advance(5000);
    cluster.advance(60_000);
    const pod = get(cluster, 'bb');
    const status = pod.status?.containerStatuses?.[0];
    expect(phaseOf(pod)).toBe('Running');
    expect(status?.restartCount).toBe(3);
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status?.state?.waiting).toEqual({
      reason: 'CrashLoopBackOff',
      message: `back-off 40s restarting failed container=bb pod=bb_default(${pod.metadata.uid})`,
    });
    expect(event(cluster, 'bb', 'BackOff')[0]).toMatchObject({
      type: 'Warning',
      message: `Back-off restarting failed container bb in pod bb_default(${pod.metadata.uid})`,
    });
  });

  it('runs a pod with restartPolicy Never to Succeeded', () => {
    const cluster = newCluster();
    createPod(
      cluster,
      'once',
      { image: 'busybox', command: ['sh', '-c', 'echo hi'] },
      { restartPolicy: 'Never' },
    );
    cluster.settle();
    const pod = get(cluster, 'once');
    expect(phaseOf(pod)).toBe('Succeeded');
    expect(pod.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(pod.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'PodCompleted',
    });
  });

  it('never readies a container whose readiness probe knocks on a port the app does not listen on', () => {
    const cluster = newCluster();
    createPod(cluster, 'probe', {
      image: 'nginx',
      readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 },
    });
    cluster.advance(60_000);
    const pod = get(cluster, 'probe');
    expect(phaseOf(pod)).toBe('Running');
    expect(isReady(pod)).toBe(false);
    const unhealthy = event(cluster, 'probe', 'Unhealthy')[0];
    expect(unhealthy?.message).toBe(
      `Readiness probe failed: Get "http://${pod.status?.podIP}:8080/": dial tcp ${pod.status?.podIP}:8080: connect: connection refused`,
    );
    expect(unhealthy?.count).toBeGreaterThan(8);

    createPod(cluster, 'good', {
      image: 'nginx',
      readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 },
    });
    cluster.advance(4000);
    expect(isReady(get(cluster, 'good'))).toBe(false);
    cluster.advance(6000);
    expect(isReady(get(cluster, 'good'))).toBe(true);
  });

  it('restarts a container whose image is edited, with the new image', () => {
    const cluster = newCluster();
    createPod(cluster, 'web', { image: 'nginx' });
    cluster.settle();
    const pod = get(cluster, 'web');
    cluster.api.update('pods', {
      ...pod,
      spec: { ...pod.spec, containers: [{ ...pod.spec!.containers[0]!, image: 'httpd' }] },
    });
    cluster.settle();
    const status = get(cluster, 'web').status?.containerStatuses?.[0];
    expect(status).toMatchObject({ image: 'docker.io/library/httpd:latest', restartCount: 1, ready: true });
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(event(cluster, 'web', 'Killing')[0]?.message).toBe(
      'Container web definition changed, will be restarted',
    );
  });

  it('shows a deleted pod Terminating until its containers stop, then removes it', () => {
    const cluster = newCluster();
    createPod(cluster, 'web', { image: 'nginx' });
    createPod(cluster, 'sleeper', { image: 'busybox', command: ['sleep', '3600'] });
    cluster.settle();
    cluster.api.delete('pods', 'default', 'web');
    cluster.api.delete('pods', 'default', 'sleeper');
    cluster.advance(0);
    expect(get(cluster, 'web').metadata.deletionTimestamp).toBeDefined();
    expect(get(cluster, 'web').metadata.deletionGracePeriodSeconds).toBe(30);
    expect(event(cluster, 'web', 'Killing')[0]?.message).toBe('Stopping container web');
    // nginx stops on SIGTERM; a sleep as PID 1 ignores it and waits out the 30 s grace period.
    cluster.advance(2000);
    expect(cluster.api.tryGet('pods', 'default', 'web')).toBeUndefined();
    expect(cluster.api.tryGet('pods', 'default', 'sleeper')).toBeDefined();
    cluster.advance(29_000);
    expect(pods(cluster)).toHaveLength(0);
  });
});
