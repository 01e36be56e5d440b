/**
 * A runtime holding exactly the objects the fixtures were captured against (the canned API
 * server's seed cluster), with the clock at a given instant and no controllers, so that kubectl's
 * read commands can be compared with what the real kubectl printed.
 */
import { VirtualClock } from '../../../../src/sim/clock.ts';
import { SeededRandom } from '../../../../src/sim/random.ts';
import { ObjectStore } from '../../../../src/sim/api/store.ts';
import { ApiServer } from '../../../../src/sim/api/apiserver.ts';
import { STRATEGIES } from '../../../../src/sim/api/registry/index.ts';
import { ClusterIPAllocator } from '../../../../src/sim/api/allocators/cluster-ip.ts';
import { NodePortAllocator } from '../../../../src/sim/api/allocators/node-port.ts';
import { resourceTypeForKind } from '../../../../src/sim/api/resources.ts';
import { VirtualFs } from '../../../../src/sim/shell/vfs.ts';
import { PodLogStore } from '../../../../src/sim/net/logs.ts';
import { PortForwards } from '../../../../src/sim/net/port-forwards.ts';
import { SessionAffinityTable } from '../../../../src/sim/net/session-affinity.ts';
import { EventRecorder } from '../../../../src/sim/controllers/events.ts';
import { ControllerManager } from '../../../../src/sim/controllers/manager.ts';
import { defaultKubeconfig } from '../../../../src/sim/kubectl/kubeconfig.ts';
import { runKubectl } from '../../../../src/sim/kubectl/kubectl.ts';
import type { Runtime } from '../../../../src/sim/runtime.ts';
import type { KubeObject } from '../../../../src/sim/api/types.ts';
import { loadSeedCluster } from '../../../fixtures/load.ts';

export function seedRuntime(
  nowMs: number,
  objects: readonly KubeObject[] = loadSeedCluster() as KubeObject[],
): Runtime {
  const clock = new VirtualClock(0);
  clock.set(nowMs);
  const random = new SeededRandom(1);
  const store = new ObjectStore();
  // Restored as captured, resourceVersions included: the fixtures print them.
  const byResource: Record<string, KubeObject[]> = {};
  for (const object of objects) {
    const resource = object.kind === 'Lease' ? 'leases' : resourceTypeForKind(object.kind)?.resource;
    if (resource === undefined) continue;
    (byResource[resource] ??= []).push(object);
  }
  store.restore({ resourceVersion: 1000, objects: byResource });
  const context = {
    clock,
    random,
    store,
    clusterIPs: new ClusterIPAllocator(random),
    nodePorts: new NodePortAllocator(random),
  };
  const api = new ApiServer(context, STRATEGIES);
  const events = new EventRecorder(
    api,
    () => clock.timestamp(),
    () => '0',
  );
  const controllers = new ControllerManager(
    [],
    {
      api,
      events,
      logs: new PodLogStore(),
      random,
      now: () => clock.now(),
      timestamp: () => clock.timestamp(),
    } as never,
    (ms) => clock.set(ms),
  );
  return {
    api,
    clock,
    random,
    events,
    controllers,
    fs: new VirtualFs(),
    kubeconfig: defaultKubeconfig('https://192.168.49.2:6443'),
    logs: new PodLogStore(),
    portForwards: new PortForwards(),
    sessionAffinity: new SessionAffinityTable(),
    history: [],
    kubectlLog: [],
    emit: () => {},
    onEdit: undefined,
    interrupted: () => false,
    wait: async () => {},
  } as unknown as Runtime;
}

export async function kubectl(
  runtime: Runtime,
  args: readonly string[],
  stdin = '',
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runKubectl(args, runtime, {
    stdin,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    signal: undefined,
    interactive: false,
  });
  return { stdout, stderr, exitCode };
}
