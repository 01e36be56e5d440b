/**
 * `nslookup NAME`: BIND's on the workstation (whose resolver knows no cluster names) and in
 * images with dnsutils; in busybox images the applet of the image's busybox release, which asks
 * kube-dns at 10.96.0.10 in one of three ways (see nslookup-busybox-1.28.ts for the oldest).
 */
import type { CommandIO, ShellCommand } from '../command.ts';
import { lookupExact, resolveDns, reverseLookup, searchDomains } from '../../net/dns.ts';
import { CLUSTER_DNS_IP, isIpv4 } from '../../net/addresses.ts';
import { BUSYBOX_LATEST, type BusyboxRelease } from '../../net/apps/toolsets.ts';
import { resolverNslookup } from './nslookup-busybox-1.28.ts';

export const nslookup: ShellCommand = (args, io, shell) => {
  const origin = shell.machine.origin;
  const namespace = origin.kind === 'pod' ? origin.namespace : undefined;
  const bind = origin.kind === 'workstation' || shell.machine.tools?.nslookup === 'bind';
  const busybox = shell.machine.tools?.busybox ?? BUSYBOX_LATEST;
  if (!bind && busybox.minor <= 28) return resolverNslookup(args, io, shell, busybox);
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) {
    if (bind) io.stderr('> ');
    else io.stderr(usage(busybox));
    return 1;
  }
  if (bind) return bindNslookup(name, io, shell.runtime, namespace);
  return busyboxNslookup(name, io, shell.runtime, namespace ?? 'default', busybox);
};

/** BIND 9's nslookup: the resolver's search list and ndots, one answer for the name that resolved. */
function bindNslookup(
  name: string,
  io: CommandIO,
  runtime: Parameters<ShellCommand>[2]['runtime'],
  namespace: string | undefined,
): number {
  const server = namespace === undefined ? '127.0.0.53' : CLUSTER_DNS_IP;
  io.stdout(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
  const result = resolveDns(runtime, name, namespace);
  if (result.kind === 'nxdomain') {
    io.stdout(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  // systemd-resolved's answers are cached, not authoritative; CoreDNS sets the aa bit for its zone.
  if (namespace === undefined) io.stdout('Non-authoritative answer:\n');
  for (const record of result.records) {
    if (record.type === 'CNAME') io.stdout(`${record.name}\tcanonical name = ${record.target}.\n`);
    else io.stdout(`Name:\t${record.name}\nAddress: ${record.address}\n`);
  }
  io.stdout('\n');
  return 0;
}

/**
 * busybox 1.29 and later (networking/nslookup.c, send_queries and parse_reply): an address is a
 * PTR question; a name is an A then an AAAA question, each reply printed as it comes and followed
 * by a blank line. 1.29 asks the name as it is; from 1.30 (add_query_with_search) a name without
 * a dot is asked under each search domain, never bare; from 1.31 (G.exitcode) any reply that is
 * not NOERROR makes the exit code 1.
 */
function busyboxNslookup(
  name: string,
  io: CommandIO,
  runtime: Parameters<ShellCommand>[2]['runtime'],
  namespace: string,
  busybox: BusyboxRelease,
): number {
  io.stdout(`Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}:53\n\n`);
  const failureCode = busybox.minor >= 31 ? 1 : 0;
  if (isIpv4(name)) {
    const question = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
    const target = reverseLookup(runtime, name);
    io.stdout(
      target ? `${question}\tname = ${target}\n\n` : `** server can't find ${question}: NXDOMAIN\n\n`,
    );
    return target ? 0 : failureCode;
  }
  if (name === 'localhost') {
    io.stdout('Name:\tlocalhost\nAddress: 127.0.0.1\n\n');
    return 0;
  }
  const names =
    busybox.minor >= 30 && !name.includes('.') ? searchDomains(namespace).map((d) => `${name}.${d}`) : [name];
  let exitCode = 0;
  for (const type of ['A', 'AAAA'] as const) {
    for (const asked of names) {
      const records = lookupExact(runtime, asked);
      if (!records) {
        io.stdout(`** server can't find ${asked}: NXDOMAIN\n\n`);
        exitCode = failureCode;
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
}

/** bb_show_usage of the rewritten applet (the srv type came in 1.34). */
function usage(busybox: BusyboxRelease): string {
  const types =
    busybox.minor >= 34 ? 'soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any' : 'soa,ns,a,aaaa,cname,mx,txt,ptr,any';
  return `${busybox.banner} multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: ${types}\n`;
}
