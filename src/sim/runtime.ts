/**
 * Everything one simulated cluster is made of, as the shell's commands and kubectl see it. Built
 * by cluster.ts; commands receive it rather than reaching for globals.
 */
import type { ApiServer } from './api/apiserver.ts';
import type { VirtualClock } from './clock.ts';
import type { SeededRandom } from './random.ts';
import type { EventRecorder } from './controllers/events.ts';
import type { ControllerManager } from './controllers/manager.ts';
import type { VirtualFs } from './shell/vfs.ts';
import type { ClusterChange } from './cluster-types.ts';
import type { KubeconfigState } from './kubectl/kubeconfig.ts';
import type { PodLogStore } from './net/logs.ts';
import type { KubectlInvocation } from './kubectl/audit.ts';
import type { PortForwards } from './net/port-forwards.ts';
import type { PodExec } from './net/container-exec.ts';
import type { SessionAffinityTable } from './net/session-affinity.ts';

export interface Runtime {
  api: ApiServer;
  clock: VirtualClock;
  random: SeededRandom;
  events: EventRecorder;
  controllers: ControllerManager;
  fs: VirtualFs;
  kubeconfig: KubeconfigState;
  logs: PodLogStore;
  /** `kubectl port-forward`s running now, which the workstation's `localhost` reaches. */
  portForwards: PortForwards;
  /** kube-proxy's memory of which endpoint each client went to (`sessionAffinity: ClientIP`). */
  sessionAffinity: SessionAffinityTable;
  /** Run a program in a pod's container (`kubectl exec`, `run -it`): the shell's, wired by cluster.ts. */
  execInPod: PodExec;
  /** Every kubectl invocation and how it ended, for graders (kubectl/audit.ts). */
  kubectlLog: KubectlInvocation[];
  /** Lines the shell has run, for `history`. */
  history: string[];
  /** Tell the page (map, editor) about something it may redraw. */
  emit(change: ClusterChange): void;
  /** Open a file in the page's editor (`kubectl edit`, `vi`); undefined headless. */
  onEdit: ((path: string) => Promise<void>) | undefined;
  /** The command runs in a live terminal (`ExecOptions.interactive`): waits follow the wall clock. */
  live: boolean;
  /** The caller's budget is spent (ClusterOptions.interrupted): stop running commands. */
  interrupted(): boolean;
  /**
   * Let virtual time pass (sleep, wait, rollout status). Headless the clock jumps to the end; live,
   * this resolves once the page (or kubesim) has advanced the clock that far, or on abort.
   */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
}
