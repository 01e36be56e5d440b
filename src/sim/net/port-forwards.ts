/**
 * The port-forwards running now in one cluster: `kubectl port-forward` opens one while it runs, and
 * kube-proxy's model looks here first for the workstation's `localhost:PORT` / `127.0.0.1:PORT`.
 * One per cluster, held by the runtime.
 */
export interface PortForward {
  namespace: string;
  pod: string;
  ports: readonly { local: number; remote: number }[];
  /** kubectl prints `Handling connection for 8080` for each connection. */
  onConnection(local: number): void;
}

export interface ForwardedPort {
  namespace: string;
  pod: string;
  port: number;
  connected(): void;
}

export class PortForwards {
  readonly #open = new Set<PortForward>();

  /** Register a forward; returns the function that closes it. */
  open(forward: PortForward): () => void {
    this.#open.add(forward);
    return () => this.#open.delete(forward);
  }

  /** Where a connection to the workstation's `localhost:port` goes, if a port-forward listens there. */
  find(localPort: number): ForwardedPort | undefined {
    for (const forward of this.#open) {
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
}
