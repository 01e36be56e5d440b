/**
 * What `kubectl exec` and `kubectl run -it` ask of the container runtime: run a program inside a
 * pod's container. The shell provides it (shell/pod-exec.ts: the image's tools in a shell session)
 * and cluster.ts hands it to the runtime (`runtime.execInPod`), so that kubectl, which sits below
 * the shell, calls it without importing it.
 */
export interface PodExecTarget {
  namespace: string;
  pod: string;
  /** Defaults to the pod's first container, as kubectl does. */
  container?: string;
}

export interface PodExecIO {
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  signal?: AbortSignal | undefined;
  interactive?: boolean;
  /** `-t`: a terminal is attached. */
  tty?: boolean;
  /**
   * When an interactive shell is attached to the terminal (see below), called after it exits:
   * `kubectl run --rm` deletes its pod here and prints that it did.
   */
  onExit?: (io: { stdout(text: string): void; stderr(text: string): void }, exitCode: number) => void;
}

/**
 * The program's exit code, or `attached`: a live terminal with `-it` and a bare shell now sends the
 * learner's lines to the container's shell, until it exits (then `onExit` runs).
 */
export type PodExecResult = number | 'attached';

export type PodExec = (target: PodExecTarget, argv: string[], io: PodExecIO) => Promise<PodExecResult>;

/**
 * The container runtime could not start the program (not in the image). kubectl prints the
 * message after `error: ` and exits 1, as with containerd.
 */
export class ContainerExecError extends Error {}
