/**
 * `ping`: nodes and pods answer ICMP; a ClusterIP does not (it exists only as kube-proxy's rules
 * for TCP/UDP ports), so pinging a Service shows 100% packet loss, as on a real cluster.
 */
import { yieldToHost, type ShellCommand } from '../command.ts';
import { resolveDns } from '../../net/dns.ts';
import { nodeAddresses, podByIp, WORKSTATION_IP } from '../../net/addresses.ts';

/** Rounds a ping without `-c` runs headless before it is "interrupted". */
const HEADLESS_ROUNDS = 4;

export const ping: ShellCommand = async (args, io, shell) => {
  let count: number | undefined;
  let host: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '-c') count = Number(args[++index]);
    else if (arg.startsWith('-c')) count = Number(arg.slice(2));
    else if (arg === '-W' || arg === '-w' || arg === '-i') index++;
    else if (!arg.startsWith('-')) host = arg;
  }
  const busybox = shell.machine.origin.kind === 'pod';
  if (!host) {
    io.stderr(
      busybox
        ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n'
        : 'ping: usage error: Destination address required\n',
    );
    return busybox ? 1 : 1;
  }
  const origin = shell.machine.origin;
  const resolved = resolveDns(shell.runtime, host, origin.kind === 'pod' ? origin.namespace : undefined);
  if (resolved.kind === 'nxdomain' || !resolved.addresses[0]) {
    io.stderr(busybox ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`);
    return busybox ? 1 : 2;
  }
  const ip = resolved.addresses[0];
  const runtime = shell.runtime;
  const fromPod = origin.kind === 'pod';
  const answers =
    ip === '127.0.0.1' ||
    ip === WORKSTATION_IP ||
    nodeAddresses(runtime).some((n) => n.ip === ip) ||
    (fromPod && podByIp(runtime, ip)?.status?.podIP === ip);
  io.stdout(
    busybox ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`,
  );
  const rounds = count ?? (io.interactive ? Infinity : HEADLESS_ROUNDS);
  let sent = 0;
  const times: number[] = [];
  while (sent < rounds && !io.signal?.aborted) {
    if (sent > 0) await runtime.wait(1000, io.signal);
    await yieldToHost(io);
    if (io.signal?.aborted) break;
    sent++;
    if (!answers) continue;
    const ms = 0.04 + runtime.random.int(100) / 1000;
    times.push(ms);
    io.stdout(
      busybox
        ? `64 bytes from ${ip}: seq=${sent - 1} ttl=64 time=${ms.toFixed(3)} ms\n`
        : `64 bytes from ${ip}: icmp_seq=${sent} ttl=64 time=${ms.toFixed(3)} ms\n`,
    );
  }
  if (!answers && count === undefined && !io.interactive) io.stdout('^C\n');
  const received = times.length;
  const loss = sent === 0 ? 0 : Math.round(((sent - received) / sent) * 100);
  io.stdout(`\n--- ${host} ping statistics ---\n`);
  if (busybox) {
    io.stdout(`${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
    if (received > 0) {
      const min = Math.min(...times).toFixed(3);
      const max = Math.max(...times).toFixed(3);
      const avg = (times.reduce((a, b) => a + b, 0) / received).toFixed(3);
      io.stdout(`round-trip min/avg/max = ${min}/${avg}/${max} ms\n`);
    }
  } else {
    io.stdout(
      `${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${Math.max(0, sent - 1) * 1000}ms\n`,
    );
  }
  return received > 0 ? 0 : 1;
};
