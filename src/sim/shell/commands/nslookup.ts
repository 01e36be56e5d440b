/**
 * `nslookup NAME`: busybox's in pods (asks kube-dns at 10.96.0.10 through the search path), bind's
 * on the workstation (whose resolver knows no cluster names).
 */
import type { ShellCommand } from '../command.ts';
import { lookupExact, resolveDns, searchDomains } from '../../net/dns.ts';
import { CLUSTER_DNS_IP, isIpv4 } from '../../net/addresses.ts';

export const nslookup: ShellCommand = (args, io, shell) => {
  const name = args.find((a) => !a.startsWith('-'));
  const workstation = shell.machine.origin.kind === 'workstation';
  if (!name) {
    if (workstation) io.stderr('> ');
    else
      io.stderr(
        'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n',
      );
    return 1;
  }
  const origin = shell.machine.origin;
  const result = resolveDns(shell.runtime, name, origin.kind === 'pod' ? origin.namespace : undefined);
  if (workstation) {
    io.stdout('Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n');
    if (result.kind === 'nxdomain') {
      io.stdout(`** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    }
    io.stdout('Non-authoritative answer:\n');
    for (const address of result.addresses) io.stdout(`Name:\t${result.name}\nAddress: ${address}\n`);
    io.stdout('\n');
    return 0;
  }
  io.stdout(`Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}:53\n\n`);
  if (isIpv4(name) || name === 'localhost') return answerLiteral(result, io);
  // add_query_with_search: a name with a dot is asked as is; a name without one under each search
  // domain (never bare). A queries first, then AAAA; each reply prints as it comes, then a blank line.
  const names = name.includes('.')
    ? [name]
    : searchDomains(origin.kind === 'pod' ? origin.namespace : 'default').map((d) => `${name}.${d}`);
  let exitCode = 0;
  for (const type of ['A', 'AAAA'] as const) {
    for (const asked of names) {
      const records = lookupExact(shell.runtime, asked);
      if (!records) {
        io.stdout(`** server can't find ${asked}: NXDOMAIN\n\n`);
        exitCode = 1;
        continue;
      }
      // CoreDNS answers cluster names with the aa bit: no "Non-authoritative answer:". An AAAA
      // question gets the CNAME alone (NODATA for the address), which prints nothing but the blank line.
      for (const record of records) {
        if (record.type === 'CNAME') io.stdout(`${record.name}\tcanonical name = ${record.target}\n`);
        else if (type === 'A') io.stdout(`Name:\t${record.name}\nAddress: ${record.address}\n`);
      }
      io.stdout('\n');
    }
  }
  return exitCode;
};

/** An address or localhost: answered without asking the search path (the simulator has no PTR zone). */
function answerLiteral(result: ReturnType<typeof resolveDns>, io: Parameters<ShellCommand>[1]): number {
  if (result.kind === 'nxdomain') return 1;
  for (const address of result.addresses) io.stdout(`Name:\t${result.name}\nAddress: ${address}\n`);
  io.stdout('\n');
  return 0;
}
