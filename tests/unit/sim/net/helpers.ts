/**
 * Test helpers for the network model: a cluster with objects created through kubectl, and a way to
 * run programs inside a pod (what `kubectl exec` does) before and besides that command.
 */
import { createCluster, type Cluster } from '../../../../src/sim/index.ts';
import { Terminal } from '../../../../src/sim/shell/terminal.ts';
import { PodLogStore } from '../../../../src/sim/net/logs.ts';
import { PortForwards } from '../../../../src/sim/net/port-forwards.ts';
import { SessionAffinityTable } from '../../../../src/sim/net/session-affinity.ts';
import type { Runtime } from '../../../../src/sim/runtime.ts';
import type { Pod, Service, Typed } from '../../../../src/sim/api/types.ts';

export async function clusterWith(lines: string[], seed = 1): Promise<Cluster> {
  const cluster = createCluster({ seed });
  for (const line of lines) {
    const result = await cluster.exec(line);
    if (result.exitCode !== 0) throw new Error(`${line}: ${result.stderr}`);
  }
  cluster.settle();
  return cluster;
}

/** The parts of a runtime a program in a pod uses: the cluster's API, clock and randomness. */
export function podRuntime(cluster: Cluster, logs = new PodLogStore()): Runtime {
  const { clock, random } = cluster.api.context;
  return {
    api: cluster.api,
    clock,
    random,
    logs,
    portForwards: new PortForwards(),
    sessionAffinity: new SessionAffinityTable(),
    emit: () => {},
    interrupted: () => false,
    async wait(ms: number) {
      cluster.advance(ms);
    },
  } as unknown as Runtime;
}

export async function execInPod(
  cluster: Cluster,
  pod: string,
  argv: string[],
  stdin = '',
  namespace = 'default',
) {
  let stdout = '';
  let stderr = '';
  const exitCode = await new Terminal(podRuntime(cluster)).execInPod({ namespace, pod }, argv, {
    stdin,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { stdout, stderr, exitCode };
}

export function podNames(cluster: Cluster, prefix: string, namespace = 'default'): string[] {
  return cluster.api
    .list('pods', namespace)
    .map((p) => p.metadata.name)
    .filter((n) => n.startsWith(prefix));
}

export function clusterIp(cluster: Cluster, service: string, namespace = 'default'): string {
  return (cluster.api.get('services', namespace, service) as Typed<Service>).spec?.clusterIP ?? '';
}

export function podOf(
  cluster: Cluster,
  name: string,
  namespace = 'default',
): { nodeName: string; hostIP: string; podIP: string } {
  const pod = cluster.api.get('pods', namespace, name) as Typed<Pod>;
  return {
    nodeName: pod.spec?.nodeName ?? '',
    hostIP: pod.status?.hostIP ?? '',
    podIP: pod.status?.podIP ?? '',
  };
}
