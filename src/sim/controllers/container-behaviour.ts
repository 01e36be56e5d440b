/**
 * How a started container behaves, from its image and command: servers keep running, tool images
 * (busybox, curl) run their default shell or command and exit at once unless told to sleep, and
 * readiness probes succeed only on a port the image listens on.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import { findImage } from '../net/images.ts';

/** How long the main process runs before it exits (ms); undefined: until stopped. */
export function runMillis(container: Container): number | undefined {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const image = findImage(container.image ?? '');
  // Images outside the catalog only run when the cluster came with them (system pods): they stay up.
  if (!image || container.stdin || container.tty) return undefined;
  const isServer = image.listens.length > 0;
  if (argv.length === 0) return isServer ? undefined : 0;
  const line = argv.join(' ');
  if (
    /\bsleep\s+(inf|infinity)\b/.test(line) ||
    /\btail\s+-f\b/.test(line) ||
    /\bwhile\s+(true|:)/.test(line)
  ) {
    return undefined;
  }
  const sleep = /\bsleep\s+(\d+)([smhd]?)\b/.exec(line);
  if (sleep) return Number(sleep[1]) * (UNIT_MS[sleep[2] || 's'] ?? 1000);
  return isServer ? undefined : 0;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Whether a server answers on the probe's port: named ports resolve against the container's
 * ports. System images outside the catalog are taken to be healthy.
 */
export function probeSucceeds(container: Container, probe: Probe): boolean {
  if (probe.exec || probe.grpc) return true;
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const number =
    typeof port === 'string' ? container.ports?.find((p) => p.name === port)?.containerPort : port;
  const image = findImage(container.image ?? '');
  if (!image) return true;
  return number !== undefined && image.listens.includes(number);
}

/** The kubelet's event text for a failed probe: Go's HTTP client or dialer error. */
export function probeFailure(
  container: Container,
  probe: Probe,
  podIP: string,
  kind: 'Readiness' | 'Liveness',
): string {
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const number =
    typeof port === 'string' ? (container.ports?.find((p) => p.name === port)?.containerPort ?? port) : port;
  const host = probe.httpGet?.host ?? probe.tcpSocket?.host ?? podIP;
  const dial = `dial tcp ${host}:${number}: connect: connection refused`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    return `${kind} probe failed: Get "${scheme}://${host}:${number}${path.startsWith('/') ? path : `/${path}`}": ${dial}`;
  }
  return `${kind} probe failed: ${dial}`;
}
