/** Types of the simulator's public interface (see index.ts). */
import type { KubeObject } from './api/types.ts';
import type { ApiServer } from './api/apiserver.ts';
import type { KubectlInvocation } from './kubectl/audit.ts';
import type { HttpRequestOptions, HttpResult } from './net/http.ts';

export type { HttpRequestOptions, HttpResult };

export interface ClusterOptions {
  /** Seeds names, ClusterIPs, node ports and load balancing: same seed + same commands = same cluster. */
  seed?: number;
  /**
   * When the cluster was set up, in ms since the epoch (default: a fixed instant, for reproducible
   * output). The learner arrives ten minutes later. `kubesim serve` passes the wall clock.
   */
  createdAt?: number;
  /** Start from a snapshot taken with `cluster.snapshot()` instead of a new cluster. */
  snapshot?: ClusterSnapshot;
  /**
   * Stops headless work early when it returns true (a server's time budget for a replay): checked
   * before each shell command and loop round, and between controller passes. A run it stopped leaves
   * a cluster that means nothing; the caller throws it away.
   */
  interrupted?: () => boolean;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions {
  /** Streams output as it is produced (the terminal); without it output is returned at the end. */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Ends a streaming command (`get -w`, `logs -f`, `rollout status`), as Ctrl-C does. */
  signal?: AbortSignal;
  /**
   * The terminal is live: streaming commands wait for the real clock and run until aborted.
   * Headless (the default) they return once the virtual clock has settled.
   */
  interactive?: boolean;
}

export interface Completion {
  /** Where in the line the word being completed starts. */
  from: number;
  /** Candidate replacements for line.slice(from, cursor), sorted. */
  items: string[];
}

/** A change the page may want to redraw for (the cluster map) or note (a curl's path). */
export type ClusterChange =
  | { type: 'object'; event: 'ADDED' | 'MODIFIED' | 'DELETED'; resource: string; object: KubeObject }
  | { type: 'traffic'; from: string; path: TrafficHop[]; ok: boolean }
  | { type: 'edit'; path: string };

/** One hop of a request's route: `node 192.168.49.2:30033` → `service web:82` → `pod web-x:300`. */
export interface TrafficHop {
  /** `host`: a machine outside the cluster (a database VM). */
  kind: 'client' | 'node' | 'service' | 'pod' | 'host';
  name: string;
  ip?: string;
  port?: number;
}

/** Everything needed to rebuild a cluster exactly; plain JSON. */
export interface ClusterSnapshot {
  version: 1;
  seed: number;
  state: unknown;
}

export interface Cluster {
  exec(commandLine: string, options?: ExecOptions): Promise<ExecResult>;
  fs: {
    write(path: string, content: string): void;
    read(path: string): string | undefined;
    list(dir?: string): string[];
    remove(path: string): boolean;
  };
  /** Tab completion for the shell line at `cursor`. */
  complete(line: string, cursor: number): Completion;
  /** Virtual time in ms; the page calls `advance` to follow the wall clock. */
  now(): number;
  advance(ms: number): void;
  /** Advance the virtual clock until nothing more is scheduled (or `limitMs` has passed). */
  settle(limitMs?: number): void;
  snapshot(): ClusterSnapshot;
  /** Listen for changes; returns the unsubscribe function. */
  subscribe(listener: (change: ClusterChange) => void): () => void;
  /**
   * Send one HTTP request through the simulated network, as `curl` would, from the workstation or
   * from inside a pod. Like a real request it leaves an access-log line: graders probe a copy.
   */
  probe(request: HttpRequestOptions): HttpResult;
  /** Read access to the API for the map and the grader; writes go through `exec`. */
  readonly api: ApiServer;
  /** Lines run so far, oldest first (the shell's `history`). */
  readonly history: readonly string[];
  /** What kubectl was asked to do, whatever way it was typed (for graders). */
  readonly kubectlLog: readonly KubectlInvocation[];
  /** `kubectl edit FILE`/`vi FILE` call this when set: the page opens the file in its editor. */
  onEdit?: (path: string) => Promise<void>;
  /** Workstation name shown in the prompt and the shell's working directory. */
  readonly cwd: string;
  /**
   * The prompt of a pod's shell the terminal is attached to (`kubectl exec -it POD -- sh`,
   * `kubectl run -it --image=busybox -- sh`): `/ # ` for busybox. Undefined on the workstation.
   */
  readonly podPrompt: string | undefined;
}
