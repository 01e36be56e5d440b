import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';

const HEADER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

async function clusterWithService() {
  const cluster = createCluster({ seed: 1 });
  await cluster.exec('kubectl create service clusterip web --tcp=80:80');
  await cluster.exec('kubectl run bb --image=busybox -- sleep 3600');
  await cluster.exec('sleep 10');
  const ip = (await cluster.exec('kubectl get service web -o jsonpath={.spec.clusterIP}')).stdout;
  return { cluster, ip };
}

// busybox networking/nslookup.c: add_query_with_search (search list only for names without a dot,
// never the bare name), A then AAAA queries, send_queries printing each reply and a blank line,
// exit code 1 when any reply was not NOERROR.
describe('busybox nslookup in a pod', () => {
  it('asks a short name under every search domain, A then AAAA, and fails for the misses', async () => {
    const { cluster, ip } = await clusterWithService();
    expect(await cluster.exec('kubectl exec bb -- nslookup web')).toEqual({
      stdout:
        HEADER +
        `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n",
      stderr: 'command terminated with exit code 1\n',
      exitCode: 1,
    });
  });

  it('asks a name with a dot as it is, so web.default is not found', async () => {
    const { cluster } = await clusterWithService();
    expect(await cluster.exec('kubectl exec bb -- nslookup web.default')).toEqual({
      stdout:
        HEADER +
        "** server can't find web.default: NXDOMAIN\n\n" +
        "** server can't find web.default: NXDOMAIN\n\n",
      stderr: 'command terminated with exit code 1\n',
      exitCode: 1,
    });
  });

  it('answers a full name, with an empty AAAA reply', async () => {
    const { cluster, ip } = await clusterWithService();
    expect(await cluster.exec('kubectl exec bb -- nslookup web.default.svc.cluster.local')).toEqual({
      stdout: HEADER + `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n\n`,
      stderr: '',
      exitCode: 0,
    });
  });
});
