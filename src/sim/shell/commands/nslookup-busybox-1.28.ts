/**
 * busybox's nslookup up to 1.28 (networking/nslookup.c at tag 1_28_4), the one the kubernetes.io
 * debugging pages run: it asks the C library's resolver, which applies /etc/resolv.conf's search
 * list, so `nslookup kubernetes.default` resolves. print_host prints `printf("%-10s %s\n")` and
 * one `Address N: IP HOSTNAME` line per address, HOSTNAME from a reverse lookup (omitted when
 * there is none); server_print does the same for the nameserver, then a blank line.
 */
import type { CommandIO, ShellContext } from '../command.ts';
import { resolveDns, reverseLookup } from '../../net/dns.ts';
import { CLUSTER_DNS_IP } from '../../net/addresses.ts';
import type { BusyboxRelease } from '../../net/apps/toolsets.ts';

export function resolverNslookup(
  args: string[],
  io: CommandIO,
  shell: ShellContext,
  busybox: BusyboxRelease,
): number {
  // nslookup_main: `if (!argv[1] || argv[1][0] == '-' || argc > 3) bb_show_usage();`
  const [name, server] = args;
  if (name === undefined || name.startsWith('-') || args.length > 2) {
    io.stderr(
      `${busybox.banner} multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n`,
    );
    return 1;
  }
  const origin = shell.machine.origin;
  const namespace = origin.kind === 'pod' ? origin.namespace : 'default';
  printHost(server ?? CLUSTER_DNS_IP, 'Server:', io, shell, namespace);
  io.stdout('\n');
  return printHost(name, 'Name:', io, shell, namespace);
}

/** print_host: getaddrinfo, then each address with its reverse name; 1 and a message when it fails. */
function printHost(
  hostname: string,
  header: string,
  io: CommandIO,
  shell: ShellContext,
  namespace: string,
): number {
  const result = resolveDns(shell.runtime, hostname, namespace);
  if (result.kind === 'nxdomain' || result.addresses.length === 0) {
    // bb_error_msg without ENABLE_VERBOSE_RESOLUTION_ERRORS (off in the image's config).
    io.stderr(`nslookup: can't resolve '${hostname}'\n`);
    return 1;
  }
  io.stdout(`${header.padEnd(10)} ${hostname}\n`);
  result.addresses.forEach((address, index) => {
    const reverse = address === '127.0.0.1' ? 'localhost' : reverseLookup(shell.runtime, address);
    io.stdout(`Address ${index + 1}: ${address}${reverse ? ` ${reverse}` : ''}\n`);
  });
  return 0;
}
