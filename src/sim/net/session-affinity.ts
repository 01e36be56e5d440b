/**
 * kube-proxy's `sessionAffinity: ClientIP`: the iptables `recent` match remembers, per Service
 * port and client IP, the endpoint it last sent that client to; a new connection within
 * `timeoutSeconds` of the last one goes there again while the endpoint is still ready
 * (pkg/proxy/iptables: `-m recent --rcheck --seconds TIMEOUT --reap`, then `--set` on each use).
 */
export interface AffinityEntry {
  ip: string;
  port: number;
  /** Virtual time of the client's last connection through this entry, in ms. */
  lastUsed: number;
}

export class SessionAffinityTable {
  #entries = new Map<string, AffinityEntry>();

  /** The endpoint this client stuck to, if it is still fresh after `timeoutSeconds`. */
  lookup(key: string, now: number, timeoutSeconds: number): AffinityEntry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now - entry.lastUsed > timeoutSeconds * 1000) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  remember(key: string, ip: string, port: number, now: number): void {
    this.#entries.set(key, { ip, port, lastUsed: now });
  }

  snapshot(): Record<string, AffinityEntry> {
    return structuredClone(Object.fromEntries(this.#entries));
  }

  restore(snapshot: Record<string, AffinityEntry>): void {
    this.#entries = new Map(Object.entries(structuredClone(snapshot)));
  }
}

/** One table entry per Service port and client, as kube-proxy keeps one `recent` list per port. */
export function affinityKey(namespace: string, service: string, portName: string, clientIp: string): string {
  return `${namespace}/${service}:${portName}/${clientIp}`;
}
