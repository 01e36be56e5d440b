/**
 * `spec.externalIPs`: kube-proxy answers on the Service's port at each external IP on every node,
 * so pods reach any of them and the workstation only those routed to a node (here: a node's own
 * address). The API server accepts any address (DenyServiceExternalIPs is off by default) and
 * warns about non-standard spellings.
 */
import { describe, expect, it } from 'vitest';
import { clusterWith } from './helpers.ts';

const HELLO = /^Hello from web-[a-z0-9]+-[a-z0-9]{5} on port 300\n$/;
const SETUP = ['kubectl create deployment web --image=kube101/hello --replicas=2 --port=300'];

describe('externalIPs', () => {
  it("answer on the Service's port at a node's address from the workstation, and nowhere else on the node", async () => {
    const cluster = await clusterWith([
      ...SETUP,
      'kubectl expose deployment web --port=8080 --target-port=300 --external-ip=192.168.49.3',
    ]);
    expect((await cluster.exec('kubectl get svc web')).stdout).toMatch(
      /^NAME {3}TYPE {8}CLUSTER-IP {6}EXTERNAL-IP {4}PORT\(S\) {4}AGE\nweb {4}ClusterIP {3}10\.96\.\d+\.\d+ +192\.168\.49\.3 {3}8080\/TCP {3}\d+s\n$/,
    );
    expect((await cluster.exec('curl -s http://192.168.49.3:8080')).stdout).toMatch(HELLO);
    expect((await cluster.exec('curl -s http://192.168.49.2:8080')).exitCode).toBe(7);
    expect((await cluster.exec('curl -s http://192.168.49.3:300')).exitCode).toBe(7);
  });

  it('answer a pod on any address, while the workstation has no route to one that is not a node', async () => {
    const cluster = await clusterWith([
      ...SETUP,
      'kubectl expose deployment web --port=8080 --target-port=300 --external-ip=203.0.113.10',
      'kubectl run client --image=busybox --command -- sleep 3600',
    ]);
    expect((await cluster.exec('kubectl exec client -- wget -qO- http://203.0.113.10:8080')).stdout).toMatch(
      HELLO,
    );
    expect((await cluster.exec('curl -s -m 3 http://203.0.113.10:8080')).exitCode).toBe(28);
  });

  it('are accepted with a warning when an address has leading zeros, and refused when not an address', async () => {
    const cluster = await clusterWith(SETUP);
    const zeros = await cluster.exec(
      'kubectl expose deployment web --port=8080 --target-port=300 --external-ip=010.1.2.4',
    );
    expect(zeros.stdout).toBe('service/web exposed\n');
    expect(zeros.stderr).toBe(
      'Warning: spec.externalIPs[0]: non-standard IP address "010.1.2.4" will be considered invalid in a future Kubernetes release: use "10.1.2.4"\n',
    );
    const patched = await cluster.exec(
      `kubectl patch svc web -p '{"spec":{"externalIPs":["10.1.2.4","010.1.2.05"]}}'`,
    );
    expect(patched.stderr).toBe(
      'Warning: spec.externalIPs[1]: non-standard IP address "010.1.2.05" will be considered invalid in a future Kubernetes release: use "10.1.2.5"\n',
    );
    const bad = await cluster.exec(`kubectl patch svc web -p '{"spec":{"externalIPs":["db.example.com"]}}'`);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain(
      'spec.externalIPs[0]: Invalid value: "db.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
  });
});
