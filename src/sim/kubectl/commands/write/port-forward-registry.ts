/**
 * The port-forwards running now, per simulated cluster: `kubectl port-forward` opens one while it
 * runs, and the workstation's HTTP client looks here first for `localhost:PORT` / `127.0.0.1:PORT`.
 * Kept outside Runtime's interface (keyed by the runtime object) so that no other part has to know.
 */
import type { Runtime } from '../../../runtime.ts';

export interface PortForward {
  namespace: string;
  pod: string;
  ports: readonly { local: number; remote: number }[];
  /** kubectl prints `Handling connection for 8080` for each connection. */
  onConnection(local: number): void;
}

const registries = new WeakMap<Runtime, Set<PortForward>>();

/** Register a forward; returns the function that closes it. */
export function openPortForward(runtime: Runtime, forward: PortForward): () => void {
  let set = registries.get(runtime);
  if (!set) {
    set = new Set();
    registries.set(runtime, set);
  }
  set.add(forward);
  return () => set.delete(forward);
}

/** Where a connection to the workstation's `localhost:port` goes, if a port-forward listens there. */
export function findPortForward(
  runtime: Runtime,
  localPort: number,
): { namespace: string; pod: string; port: number; connected(): void } | undefined {
  for (const forward of registries.get(runtime) ?? []) {
    const mapping = forward.ports.find((p) => p.local === localPort);
    if (mapping) {
      return {
        namespace: forward.namespace,
        pod: forward.pod,
        port: mapping.remote,
        connected: () => forward.onConnection(localPort),
      };
    }
  }
  return undefined;
}
