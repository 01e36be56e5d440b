/**
 * BIND 9.9's `dig NAME` and `host NAME` (Debian jessie's dnsutils, in jessie-dnsutils and
 * netshoot) asking kube-dns for A records. Formats from bin/dig/dig.c (printgreeting,
 * printmessage, received), lib/dns/message.c (dns_message_sectiontotext), lib/dns/masterdump.c
 * (question_totext, rdataset_totext, indent) and bin/dig/host.c (say_message, printmessage).
 */
import type { ShellCommand, ShellContext } from '../command.ts';
import { lookupExact, resolveDns, type DnsRecord } from '../../net/dns.ts';
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN } from '../../net/addresses.ts';

const VERSION = '9.9.5-9+deb8u19-Debian';
/** The kubeadm Corefile's `kubernetes cluster.local ... { ttl 30 }`. */
const TTL = 30;

interface Answer {
  /** The name asked (after the search list, when one applies), without the final dot. */
  question: string;
  records: DnsRecord[] | undefined;
}

/** Ask as dig does: the name as it is, or with `+search` the resolver's search list and ndots. */
function ask(shell: ShellContext, name: string, search: boolean): Answer {
  const origin = shell.machine.origin;
  if (search && origin.kind === 'pod') {
    const result = resolveDns(shell.runtime, name, origin.namespace);
    if (result.kind === 'found') return { question: result.name, records: result.records };
  }
  return { question: name.replace(/\.$/, '').toLowerCase(), records: lookupExact(shell.runtime, name) };
}

export const dig: ShellCommand = (args, io, shell) => {
  const short = args.includes('+short');
  const search = args.includes('+search');
  const name = args.find((a) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-')) ?? '.';
  const answer = ask(shell, name, search);
  const records = answer.records ?? [];
  if (short) {
    // short_answer: each answer's rdata alone, one per line.
    for (const record of records)
      io.stdout(`${record.type === 'A' ? record.address : `${record.target}.`}\n`);
    return 0;
  }
  const lines: string[] = [];
  lines.push('', `; <<>> DiG ${VERSION} <<>>${args.map((a) => ` ${a}`).join('')}`);
  lines.push(';; global options: +cmd', ';; Got answer:');
  const id = shell.runtime.random.int(65536);
  const status = answer.records ? 'NOERROR' : 'NXDOMAIN';
  lines.push(`;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${id}`);
  const authority = answer.records ? [] : [soaRecord()];
  lines.push(
    `;; flags: qr aa rd; QUERY: 1, ANSWER: ${records.length}, AUTHORITY: ${authority.length}, ADDITIONAL: 0`,
  );
  // CoreDNS answers its own zone without the ra bit.
  lines.push(';; WARNING: recursion requested but not available', '');
  lines.push(';; QUESTION SECTION:', `;${questionLine(`${answer.question}.`)}`, '');
  if (records.length > 0) lines.push(';; ANSWER SECTION:', ...records.map(recordLine), '');
  if (authority.length > 0) lines.push(';; AUTHORITY SECTION:', ...authority, '');
  lines.push(';; Query time: 0 msec');
  lines.push(`;; SERVER: ${CLUSTER_DNS_IP}#53(${CLUSTER_DNS_IP})`);
  lines.push(`;; WHEN: ${when(shell.runtime.clock.now())}`);
  lines.push(`;; MSG SIZE  rcvd: ${messageSize(answer.question, records, authority.length > 0)}`, '', '');
  io.stdout(lines.join('\n'));
  return 0;
};

/** masterdump.c indent(): tabs to the column (8 wide), or one space when the text is already past it. */
function indentTo(column: number, to: number): { text: string; column: number } {
  const target = Math.max(to, column + 1);
  const tabs = Math.floor(target / 8) - Math.floor(column / 8);
  const spaces = tabs > 0 ? target - Math.floor(target / 8) * 8 : target - column;
  return { text: '\t'.repeat(Math.max(tabs, 0)) + ' '.repeat(spaces), column: target };
}

/** Fields at dig's columns: TTL 24, class 32, type 40, rdata 48 (dns_master_stylecreate2 in dig.c). */
function columns(fields: readonly [string, number][]): string {
  let text = '';
  let column = 0;
  for (const [field, at] of fields) {
    if (text !== '') {
      const indent = indentTo(column, at);
      text += indent.text;
      column = indent.column;
    }
    text += field;
    column += field.length;
  }
  return text;
}

/** question_totext: the question's column counting starts after dig's ';'. */
function questionLine(fqdn: string): string {
  return columns([
    [fqdn, 0],
    ['IN', 32],
    ['A', 40],
  ]);
}

function recordLine(record: DnsRecord): string {
  const rdata = record.type === 'A' ? record.address : `${record.target}.`;
  return columns([
    [`${record.name}.`, 0],
    [String(TTL), 24],
    ['IN', 32],
    [record.type, 40],
    [rdata, 48],
  ]);
}

/** CoreDNS's negative answer: its zone's SOA in the authority section. */
function soaRecord(): string {
  return columns([
    [`${CLUSTER_DOMAIN}.`, 0],
    [String(TTL), 24],
    ['IN', 32],
    ['SOA', 40],
    [`ns.dns.${CLUSTER_DOMAIN}. hostmaster.${CLUSTER_DOMAIN}. ${SOA_SERIAL} 7200 1800 86400 ${TTL}`, 48],
  ]);
}

/** The kubernetes plugin's serial: when the zone last changed (a fixed instant here). */
const SOA_SERIAL = 1700000000;

/** strftime("%a %b %d %H:%M:%S %Z %Y") in the pod's UTC. */
function when(ms: number): string {
  const date = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const month = date.toUTCString().slice(8, 11);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day} ${month} ${two(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

/** The reply's size on the wire: header, question, answers with compressed owners, the SOA. */
function messageSize(question: string, records: DnsRecord[], soa: boolean): number {
  const wireName = (name: string) => name.split('.').reduce((sum, label) => sum + label.length + 1, 1);
  let size = 12 + wireName(question) + 4;
  for (const record of records) {
    // The owner is a pointer to an earlier name; a CNAME's target is written out in full.
    size += 2 + 10 + (record.type === 'A' ? 4 : wireName(record.target));
  }
  // cluster.local. as a pointer; ns.dns and hostmaster labels before a pointer; five 32-bit fields.
  if (soa) size += 2 + 10 + (3 + 4 + 2) + (11 + 2) + 20;
  return size;
}

/** host.c: "NAME has address IP" (AAAA and MX lookups follow silently), or "Host NAME not found". */
export const host: ShellCommand = (args, io, shell) => {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) {
    io.stderr(HOST_USAGE);
    return 1;
  }
  // host applies the search list (usesearch) as the resolver does.
  const answer = ask(shell, name, true);
  if (!answer.records) {
    io.stdout(`Host ${name} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  for (const record of answer.records) {
    if (record.type === 'CNAME') io.stdout(`${record.name} is an alias for ${record.target}.\n`);
    else io.stdout(`${record.name} has address ${record.address}\n`);
  }
  return 0;
};

/** host.c show_usage(). */
const HOST_USAGE = [
  'Usage: host [-aCdlriTwv] [-c class] [-N ndots] [-t type] [-W time]',
  '            [-R number] [-m flag] hostname [server]',
  '       -a is equivalent to -v -t ANY',
  '       -c specifies query class for non-IN data',
  '       -C compares SOA records on authoritative nameservers',
  '       -d is equivalent to -v',
  '       -l lists all hosts in a domain, using AXFR',
  '       -i IP6.INT reverse lookups',
  '       -N changes the number of dots allowed before root lookup is done',
  '       -r disables recursive processing',
  '       -R specifies number of retries for UDP packets',
  '       -s a SERVFAIL response should stop query',
  '       -t specifies the query type',
  '       -T enables TCP/IP mode',
  '       -v enables verbose output',
  '       -w specifies to wait forever for a reply',
  '       -W specifies how long to wait for a reply',
  '       -4 use IPv4 query transport only',
  '       -6 use IPv6 query transport only',
  '       -m set memory debugging flag (trace|record|usage)',
  '',
].join('\n');
