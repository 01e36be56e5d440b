/**
 * The public face of the simulator: what the page, the grader, the CLI and outside tests use.
 * The contract of docs/ARCHITECTURE.md: `createCluster({ seed })`, `cluster.exec(line)`, `cluster.fs`.
 */
export { createCluster } from './cluster.ts';
export type {
  Cluster,
  ClusterOptions,
  ExecResult,
  ExecOptions,
  ClusterSnapshot,
  Completion,
  ClusterChange,
  HttpRequestOptions,
  HttpResult,
} from './cluster-types.ts';
export type { KubectlInvocation } from './kubectl/audit.ts';
