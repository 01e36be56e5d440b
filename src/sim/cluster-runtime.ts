/**
 * The parts behind a `Cluster` (runtime.ts), for a host that serves the same cluster another way
 * (`kubesim serve`: logs, exec and port-forward over the Kubernetes API). The page and the grader
 * keep to the `Cluster` interface.
 */
import type { Cluster } from './cluster-types.ts';
import type { Runtime } from './runtime.ts';

const runtimes = new WeakMap<Cluster, Runtime>();

export function registerRuntime(cluster: Cluster, runtime: Runtime): void {
  runtimes.set(cluster, runtime);
}

export function runtimeOf(cluster: Cluster): Runtime {
  const runtime = runtimes.get(cluster);
  if (!runtime) throw new Error('not a cluster made by createCluster');
  return runtime;
}
