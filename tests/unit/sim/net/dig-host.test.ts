import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';

async function dnsutilsPod() {
  const cluster = createCluster({ seed: 1 });
  await cluster.exec('kubectl create deployment web --image=nginx');
  await cluster.exec('kubectl expose deployment web --port=80');
  await cluster.exec(
    'kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep infinity',
  );
  await cluster.exec('sleep 20');
  const ip = (await cluster.exec('kubectl get service web -o jsonpath={.spec.clusterIP}')).stdout;
  return { cluster, ip };
}

// BIND 9.9.5 as Debian jessie ships it. dig.c printgreeting/printmessage/received;
// message.c dns_message_sectiontotext (";; X SECTION:", a blank line after each);
// masterdump.c indent(): TTL, class, type and rdata at columns 24/32/40/48 with 8-wide tabs, one
// character when the text is already past the column; edns is off by default (dighost.c
// make_empty_lookup: looknew->edns = -1), so no OPT pseudosection and ADDITIONAL: 0.
describe('dig in jessie-dnsutils', () => {
  it('prints the whole answer for a Service FQDN, the name past column 24 followed by single spaces', async () => {
    const { cluster, ip } = await dnsutilsPod();
    const { stdout, exitCode } = await cluster.exec(
      'kubectl exec dnsutils -- dig web.default.svc.cluster.local',
    );
    expect(exitCode).toBe(0);
    const id = /id: (\d+)/.exec(stdout)?.[1] ?? '';
    const when = /;; WHEN: (.*)/.exec(stdout)?.[1] ?? '';
    expect(when).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}$/);
    expect(stdout).toBe(
      [
        '',
        '; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> web.default.svc.cluster.local',
        ';; global options: +cmd',
        ';; Got answer:',
        `;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ${id}`,
        ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0',
        ';; WARNING: recursion requested but not available',
        '',
        ';; QUESTION SECTION:',
        ';web.default.svc.cluster.local.\tIN\tA',
        '',
        ';; ANSWER SECTION:',
        `web.default.svc.cluster.local. 30 IN\tA\t${ip}`,
        '',
        ';; Query time: 0 msec',
        ';; SERVER: 10.96.0.10#53(10.96.0.10)',
        `;; WHEN: ${when}`,
        // 12 header + 31 name + 4 question + 16 answer (owner pointer, 10 fixed, 4 address)
        ';; MSG SIZE  rcvd: 63',
        '',
        '',
      ].join('\n'),
    );
  });

  it('does not apply the search list unless told: +short web prints nothing, +short +search the ClusterIP', async () => {
    const { cluster, ip } = await dnsutilsPod();
    expect((await cluster.exec('kubectl exec dnsutils -- dig +short web')).stdout).toBe('');
    expect((await cluster.exec('kubectl exec dnsutils -- dig +short +search web')).stdout).toBe(`${ip}\n`);
    expect(
      (await cluster.exec('kubectl exec dnsutils -- dig +short kubernetes.default.svc.cluster.local')).stdout,
    ).toBe('10.96.0.1\n');
  });

  it('answers NXDOMAIN with the zone SOA in the authority section', async () => {
    const { cluster } = await dnsutilsPod();
    const { stdout } = await cluster.exec('kubectl exec dnsutils -- dig web');
    expect(stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ');
    expect(stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0\n');
    expect(stdout).toContain(
      ';; QUESTION SECTION:\n;web.\t\t\t\tIN\tA\n\n;; AUTHORITY SECTION:\n' +
        'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1700000000 7200 1800 86400 30\n\n',
    );
  });
});

// host.c: say_message prints "%s %s %.*s" (name, "has address", rdata); printmessage prints
// "Host %s not found: %d(%s)" with the name as typed for NXDOMAIN; host exits 1 after an error.
describe('host in jessie-dnsutils', () => {
  it('applies the search list and prints "has address"', async () => {
    const { cluster, ip } = await dnsutilsPod();
    expect(await cluster.exec('kubectl exec dnsutils -- host web')).toEqual({
      stdout: `web.default.svc.cluster.local has address ${ip}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('reports an unknown name as NXDOMAIN and exits 1', async () => {
    const { cluster } = await dnsutilsPod();
    expect(await cluster.exec('kubectl exec dnsutils -- host nope')).toEqual({
      stdout: 'Host nope not found: 3(NXDOMAIN)\n',
      stderr: 'command terminated with exit code 1\n',
      exitCode: 1,
    });
  });

  it('is not on busybox or on the workstation', async () => {
    const { cluster } = await dnsutilsPod();
    await cluster.exec('kubectl run bb --image=busybox:1.28 -- sleep 3600');
    await cluster.exec('sleep 10');
    expect((await cluster.exec('kubectl exec bb -- dig web')).exitCode).not.toBe(0);
    expect((await cluster.exec('dig web')).stderr).toBe('bash: dig: command not found\n');
  });
});
