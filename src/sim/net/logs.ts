/**
 * What the simulated containers write to stdout, by pod and container: startup lines from the
 * kubelet starting a container, one line per request an app serves. `kubectl logs` reads it.
 */
export interface LogLine {
  /** Virtual time in ms. */
  time: number;
  text: string;
}

export class PodLogStore {
  #lines = new Map<string, LogLine[]>();

  append(namespace: string, pod: string, container: string, time: number, text: string): void {
    const key = `${namespace}/${pod}/${container}`;
    let lines = this.#lines.get(key);
    if (!lines) {
      lines = [];
      this.#lines.set(key, lines);
    }
    lines.push({ time, text });
  }

  read(namespace: string, pod: string, container: string): readonly LogLine[] {
    return this.#lines.get(`${namespace}/${pod}/${container}`) ?? [];
  }

  /** Forget a deleted pod's logs, as the kubelet does when it removes the pod. */
  forget(namespace: string, pod: string): void {
    for (const key of [...this.#lines.keys()])
      if (key.startsWith(`${namespace}/${pod}/`)) this.#lines.delete(key);
  }

  snapshot(): Record<string, LogLine[]> {
    return structuredClone(Object.fromEntries(this.#lines));
  }

  restore(snapshot: Record<string, LogLine[]>): void {
    this.#lines = new Map(Object.entries(structuredClone(snapshot)));
  }
}
