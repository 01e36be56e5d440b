/**
 * Assembles one simulated cluster from its parts (clock, randomness, store, API server,
 * controllers, workstation shell) and implements the public `Cluster` interface over them.
 */
import { VirtualClock, CLUSTER_EPOCH_MS } from './clock.ts';
import { SeededRandom } from './random.ts';
import { ObjectStore, type StoreSnapshot } from './api/store.ts';
import { ApiServer } from './api/apiserver.ts';
import { ClusterIPAllocator } from './api/allocators/cluster-ip.ts';
import { NodePortAllocator } from './api/allocators/node-port.ts';
import { STRATEGIES } from './api/registry/index.ts';
import { EventRecorder } from './controllers/events.ts';
import { ControllerManager } from './controllers/manager.ts';
import { createControllers } from './controllers/index.ts';
import { VirtualFs } from './shell/vfs.ts';
import { PodLogStore } from './net/logs.ts';
import { SessionAffinityTable } from './net/session-affinity.ts';
import { PortForwards } from './net/port-forwards.ts';
import { PodIPAllocator } from './controllers/pod-ip.ts';
import { Terminal } from './shell/terminal.ts';
import { httpRequest } from './net/http.ts';
import { completeLine } from './shell/completion.ts';
import { bootstrapCluster } from './bootstrap.ts';
import { API_SERVER_ADDRESS } from './bootstrap-nodes.ts';
import { defaultKubeconfig, type KubeconfigState } from './kubectl/kubeconfig.ts';
import type { Runtime } from './runtime.ts';
import { registerRuntime } from './cluster-runtime.ts';
import type {
  Cluster,
  ClusterChange,
  ClusterOptions,
  ClusterSnapshot,
  ExecOptions,
  ExecResult,
} from './cluster-types.ts';

/** The cluster was set up this long before the learner arrives (nodes show AGE 10m). */
const CLUSTER_AGE_MS = 10 * 60 * 1000;
/** How far `settle()` runs the clock at most when nothing is said. */
const DEFAULT_SETTLE_MS = 10 * 60 * 1000;

interface SavedState {
  now: number;
  random: number;
  store: StoreSnapshot;
  clusterIPs: string[];
  nodePorts: number[];
  fs: ReturnType<VirtualFs['snapshot']>;
  logs: ReturnType<PodLogStore['snapshot']>;
  /** Absent in snapshots taken before pod IPs were round-robin: IPAM then starts at the range start. */
  podIPs?: ReturnType<PodIPAllocator['snapshot']>;
  /** Absent in snapshots taken before kube-proxy kept session affinity. */
  sessionAffinity?: ReturnType<SessionAffinityTable['snapshot']>;
  history: string[];
  /** Absent in snapshots taken before the shell's variables were kept. */
  variables?: [string, string][];
  kubectlLog: Runtime['kubectlLog'];
  kubeconfig: KubeconfigState;
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  const seed = options.snapshot?.seed ?? options.seed ?? 1;
  const clock = new VirtualClock(options.createdAt ?? CLUSTER_EPOCH_MS);
  const random = new SeededRandom(seed);
  const store = new ObjectStore();
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
    // client-go names an Event after its object and the time in nanoseconds, in hex: names sort by time.
    () => (BigInt(clock.now()) * 1_000_000n + BigInt(random.int(1_000_000))).toString(16),
  );
  const logs = new PodLogStore();
  const podIPs = new PodIPAllocator();
  const controllerContext = {
    api,
    events,
    logs,
    podIPs,
    random,
    now: () => clock.now(),
    timestamp: () => clock.timestamp(),
  };
  const interrupted = options.interrupted ?? (() => false);
  const controllers = new ControllerManager(
    createControllers(),
    controllerContext,
    (ms) => clock.set(ms),
    interrupted,
  );
  const fs = new VirtualFs();
  const listeners = new Set<(change: ClusterChange) => void>();
  const emit = (change: ClusterChange): void => {
    for (const listener of listeners) listener(change);
  };
  store.watch((event) =>
    emit({ type: 'object', event: event.type, resource: event.resource, object: event.object }),
  );

  let unadvanced = 0;
  const liveWaiters = new Set<{ until: number; wake: () => void }>();
  const wakeLiveWaiters = (): void => {
    for (const waiter of [...liveWaiters]) {
      if (clock.now() >= waiter.until) {
        liveWaiters.delete(waiter);
        waiter.wake();
      }
    }
  };

  const runtime: Runtime = {
    api,
    clock,
    random,
    events,
    controllers,
    fs,
    logs,
    portForwards: new PortForwards(),
    sessionAffinity: new SessionAffinityTable(),
    // The shell runs programs in containers; kubectl, below it, reaches that through the runtime.
    execInPod: (target, argv, io) => terminal.execInPod(target, argv, io),
    kubeconfig: defaultKubeconfig(API_SERVER_ADDRESS),
    history: [],
    kubectlLog: [],
    emit,
    onEdit: undefined,
    live: false,
    interrupted,
    async wait(ms, signal) {
      if (signal?.aborted) return;
      const until = clock.now() + ms;
      if (!runtime.live) {
        controllers.advanceTo(until);
        return;
      }
      // In a live terminal the page (or kubesim) moves the clock with the wall clock; wait for it.
      await new Promise<void>((resolve) => {
        const waiter = { until, wake: resolve };
        liveWaiters.add(waiter);
        signal?.addEventListener(
          'abort',
          () => {
            liveWaiters.delete(waiter);
            resolve();
          },
          { once: true },
        );
      });
    },
  };

  const terminal = new Terminal(runtime);

  if (options.snapshot) {
    restore(options.snapshot.state as SavedState);
  } else {
    bootstrapCluster(api, clock.timestamp());
    controllers.advanceTo(clock.now() + CLUSTER_AGE_MS);
  }

  function restore(state: SavedState): void {
    clock.set(state.now);
    random.state = state.random;
    store.restore(state.store);
    context.clusterIPs.restore(state.clusterIPs);
    context.nodePorts.restore(state.nodePorts);
    fs.restore(state.fs);
    logs.restore(state.logs);
    podIPs.restore(state.podIPs ?? {});
    runtime.sessionAffinity.restore(state.sessionAffinity ?? {});
    runtime.history = [...state.history];
    terminal.restoreLearnerVariables(state.variables ?? []);
    runtime.kubectlLog = structuredClone(state.kubectlLog ?? []);
    runtime.kubeconfig = structuredClone(state.kubeconfig);
  }

  const cluster: Cluster = {
    async exec(commandLine: string, execOptions?: ExecOptions): Promise<ExecResult> {
      runtime.live = execOptions?.interactive ?? false;
      try {
        return await terminal.run(commandLine, execOptions);
      } catch (error) {
        // The last line of defence: a bug in a command still answers like a shell would.
        const message = error instanceof Error ? error.message : String(error);
        return { stdout: '', stderr: `internal error: ${message}\n`, exitCode: 1 };
      }
    },
    fs: {
      write: (path, content) => {
        fs.write(path, content);
        emit({ type: 'edit', path: fs.resolve(path) });
      },
      read: (path) => fs.read(path),
      list: (dir) => fs.list(dir),
      remove: (path) => fs.remove(path),
    },
    complete: (line, cursor) => completeLine(line, cursor, terminal.workstation),
    probe: (request) => httpRequest(runtime, request),
    now: () => clock.now(),
    advance(ms) {
      // The clock keeps whole milliseconds; the page's fractional steps are carried over, not lost.
      unadvanced += ms;
      const whole = Math.floor(unadvanced);
      unadvanced -= whole;
      controllers.advanceTo(clock.now() + whole);
      wakeLiveWaiters();
    },
    settle(limitMs = DEFAULT_SETTLE_MS) {
      controllers.settle(limitMs);
    },
    snapshot(): ClusterSnapshot {
      const state: SavedState = {
        now: clock.now(),
        random: random.state,
        store: store.snapshot(),
        clusterIPs: context.clusterIPs.snapshot(),
        nodePorts: context.nodePorts.snapshot(),
        fs: fs.snapshot(),
        logs: logs.snapshot(),
        podIPs: podIPs.snapshot(),
        sessionAffinity: runtime.sessionAffinity.snapshot(),
        history: [...runtime.history],
        variables: terminal.learnerVariables(),
        kubectlLog: structuredClone(runtime.kubectlLog),
        kubeconfig: structuredClone(runtime.kubeconfig),
      };
      return { version: 1, seed, state };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    api,
    get history() {
      return runtime.history;
    },
    get kubectlLog() {
      return runtime.kubectlLog;
    },
    get onEdit() {
      return runtime.onEdit;
    },
    set onEdit(handler) {
      runtime.onEdit = handler;
    },
    get podPrompt() {
      return terminal.podPrompt;
    },
    get cwd() {
      return fs.cwd;
    },
  };
  registerRuntime(cluster, runtime);
  return cluster;
}
