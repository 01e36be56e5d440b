/**
 * How a started container behaves, from its image and command: servers and system daemons keep
 * running, tool images (busybox, curl, alpine) run their default shell or command and exit at
 * once unless told to sleep, and readiness probes succeed only on a port the app listens on.
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import { findImage, listeningPorts } from '../net/images.ts';
import { CLIENT_IMAGES } from '../net/apps/clients.ts';

export interface ProcessExit {
  /** How long the main process runs (ms). */
  after: number;
  exitCode: number;
}

/** When and how the container's main process exits; undefined: it runs until stopped. */
export function processExit(container: Container): ProcessExit | undefined {
  const image = findImage(container.image ?? '');
  // Images outside the catalog never start, except the cluster's own, which stay up.
  if (!image || container.stdin || container.tty) return undefined;
  const isTool = CLIENT_IMAGES.includes(image);
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.length === 0) {
    if (!isTool) return undefined;
    // curl's entrypoint without a URL prints its usage hint and exits 2; shells exit 0 without a terminal.
    return { after: 0, exitCode: image.names.includes('curlimages/curl') ? 2 : 0 };
  }
  const line = argv.join(' ');
  if (
    /\bsleep\s+(inf|infinity)\b/.test(line) ||
    /\btail\s+-f\b/.test(line) ||
    /\bwhile\s+(true|:)/.test(line)
  ) {
    return undefined;
  }
  // `sh -c "sleep 5; exit 1"`: how long the script sleeps, and the code it ends with.
  const exitCode = Number(/\bexit\s+(\d+)\s*$/.exec(line)?.[1] ?? 0);
  const sleep = /\bsleep\s+(\d+)([smhd]?)\b/.exec(line);
  if (sleep) return { after: Number(sleep[1]) * (UNIT_MS[sleep[2] || 's'] ?? 1000), exitCode };
  return isTool ? { after: 0, exitCode } : undefined;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Whether the process ignores SIGTERM (a shell or sleep as PID 1) and waits out the grace period. */
export function ignoresSigterm(container: Container): boolean {
  const image = findImage(container.image ?? '');
  if (!image) return false;
  return (
    CLIENT_IMAGES.includes(image) || (container.command?.length ?? 0) > 0 || (container.args?.length ?? 0) > 0
  );
}

/** Whether the app answers on the probe's port: named ports resolve against the container's ports. */
export function probeSucceeds(container: Container, probe: Probe): boolean {
  if (probe.exec || probe.grpc) return true;
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const number =
    typeof port === 'string' ? container.ports?.find((p) => p.name === port)?.containerPort : port;
  const image = findImage(container.image ?? '');
  if (!image) return true;
  return number !== undefined && listeningPorts(image, container).includes(number);
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
