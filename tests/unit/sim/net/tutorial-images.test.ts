import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';

/** A Deployment `web` behind a ClusterIP Service `web` and a headless Service `web-pods`, and `client` on `image`. */
async function clusterWith(image: string) {
  const cluster = createCluster({ seed: 1 });
  await cluster.exec('kubectl create deployment web --image=nginx --replicas=2');
  await cluster.exec('kubectl expose deployment web --port=80');
  await cluster.exec('kubectl expose deployment web --name=web-pods --port=80 --cluster-ip=None');
  await cluster.exec(`kubectl run client --image=${image} -- sleep 3600`);
  await cluster.exec('sleep 20');
  const read = async (command: string) => (await cluster.exec(command)).stdout;
  const ip = await read('kubectl get service web -o jsonpath={.spec.clusterIP}');
  const podIPs = (await read("kubectl get pods -l app=web -o jsonpath='{.items[*].status.podIP}'"))
    .split(' ')
    .sort();
  return { cluster, ip, podIPs };
}

// busybox 1_28_4 networking/nslookup.c: server_print → print_host(server, "Server:") and a blank
// line; print_host prints printf("%-10s %s\n", header, hostname), then per getaddrinfo result
// printf("Address %u: %s%c", ++cnt, dotted, ' ') and the reverse name. The expected text is the
// one kubernetes.io's "Debugging DNS Resolution" page shows for busybox:1.28.
const OLD_SERVER = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';

describe('busybox 1.28 nslookup (resolver-based, print_host)', () => {
  it('resolves kubernetes.default through the search list and exits 0', async () => {
    const { cluster } = await clusterWith('busybox:1.28');
    expect(await cluster.exec('kubectl exec client -- nslookup kubernetes.default')).toEqual({
      stdout:
        OLD_SERVER +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('resolves a short Service name and a full one to the ClusterIP with its reverse name', async () => {
    const { cluster, ip } = await clusterWith('busybox:1.28');
    expect((await cluster.exec('kubectl exec client -- nslookup web')).stdout).toBe(
      OLD_SERVER + `Name:      web\nAddress 1: ${ip} web.default.svc.cluster.local\n`,
    );
    expect((await cluster.exec('kubectl exec client -- nslookup web.default.svc.cluster.local')).stdout).toBe(
      OLD_SERVER +
        `Name:      web.default.svc.cluster.local\nAddress 1: ${ip} web.default.svc.cluster.local\n`,
    );
  });

  it("lists a headless Service's pods, each named a-b-c-d.<svc>.<ns>.svc by CoreDNS's reverse zone", async () => {
    const { cluster, podIPs } = await clusterWith('busybox:1.28');
    const [first = '', second = ''] = podIPs;
    const dashed = (ip: string) => ip.replace(/\./g, '-');
    expect((await cluster.exec('kubectl exec client -- nslookup web-pods')).stdout).toBe(
      OLD_SERVER +
        'Name:      web-pods\n' +
        `Address 1: ${first} ${dashed(first)}.web-pods.default.svc.cluster.local\n` +
        `Address 2: ${second} ${dashed(second)}.web-pods.default.svc.cluster.local\n`,
    );
  });

  it("fails an unknown name with bb_error_msg(\"can't resolve '%s'\") and exit code 1", async () => {
    const { cluster } = await clusterWith('busybox:1.28');
    expect(await cluster.exec('kubectl exec client -- nslookup nope')).toEqual({
      stdout: OLD_SERVER,
      stderr: "nslookup: can't resolve 'nope'\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
  });

  it('shows its own usage (nslookup_trivial_usage "[HOST] [SERVER]") without a name', async () => {
    const { cluster } = await clusterWith('busybox:1.28');
    expect((await cluster.exec('kubectl exec client -- nslookup')).stderr).toBe(
      'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\n' +
        'Query the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n' +
        'command terminated with exit code 1\n',
    );
  });

  it('is the applet of the old images tutorials copy: gcr.io/google-containers/busybox, radial/busyboxplus:curl', async () => {
    for (const image of ['gcr.io/google-containers/busybox', 'radial/busyboxplus:curl', 'busybox:1.27.2']) {
      const { cluster } = await clusterWith(image);
      expect((await cluster.exec('kubectl exec client -- nslookup kubernetes.default')).exitCode).toBe(0);
    }
  });
});

const NEW_SERVER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

describe('busybox 1.29 and 1.30 nslookup (the rewrite, before G.exitcode)', () => {
  it('1.29 asks a short name as it is (no add_query_with_search yet) and still exits 0', async () => {
    const { cluster } = await clusterWith('busybox:1.29.3');
    expect(await cluster.exec('kubectl exec client -- nslookup web')).toEqual({
      stdout:
        NEW_SERVER + "** server can't find web: NXDOMAIN\n\n" + "** server can't find web: NXDOMAIN\n\n",
      stderr: '',
      exitCode: 0,
    });
  });

  it('1.30 tries each search domain and prints the misses, but exits 0 (return EXIT_SUCCESS)', async () => {
    const { cluster, ip } = await clusterWith('busybox:1.30');
    const misses =
      "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
      "** server can't find web.cluster.local: NXDOMAIN\n\n";
    expect(await cluster.exec('kubectl exec client -- nslookup web')).toEqual({
      stdout:
        NEW_SERVER + `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` + misses + '\n' + misses,
      stderr: '',
      exitCode: 0,
    });
  });

  it('asks a PTR question for an address (make_ptr) and prints "%s\\tname = %s"', async () => {
    const { cluster } = await clusterWith('busybox:1.36');
    expect(await cluster.exec('kubectl exec client -- nslookup 10.96.0.1')).toEqual({
      stdout: NEW_SERVER + '1.0.96.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local\n\n',
      stderr: '',
      exitCode: 0,
    });
  });
});

// BIND 9's nslookup (bin/dig/nslookup.c): "Server:\t\t%s" and "Address:\t%s#%u", the resolver's
// search list, "Name:\t%s" / "Address: %s" per A record; no "Non-authoritative answer:" since
// CoreDNS answers its zone with the aa bit.
describe('BIND nslookup in jessie-dnsutils and netshoot', () => {
  for (const image of ['registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', 'nicolaka/netshoot']) {
    it(`${image}: the name that resolved, then NXDOMAIN with exit code 1 for an unknown one`, async () => {
      const { cluster, ip } = await clusterWith(image);
      const server = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n';
      expect(await cluster.exec('kubectl exec client -- nslookup web')).toEqual({
        stdout: server + `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`,
        stderr: '',
        exitCode: 0,
      });
      expect(await cluster.exec('kubectl exec client -- nslookup nope')).toEqual({
        stdout: server + "** server can't find nope: NXDOMAIN\n\n",
        stderr: 'command terminated with exit code 1\n',
        exitCode: 1,
      });
    });
  }
});

describe('the images of the tutorials start and run their tools', () => {
  it('kubectl run --rm -i with gcr.io/google-containers/busybox prints the answer and deletes the pod', async () => {
    const cluster = createCluster({ seed: 1 });
    const result = await cluster.exec(
      'kubectl run dns-test --image=gcr.io/google-containers/busybox --rm -i --restart=Never -- nslookup kubernetes.default',
    );
    expect(result.stdout).toBe(
      OLD_SERVER +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n' +
        'pod "dns-test" deleted from default namespace\n',
    );
  });

  it('radial/busyboxplus:curl and nicolaka/netshoot carry curl; jessie-dnsutils has none (dash: 127)', async () => {
    for (const [image, code] of [
      ['radial/busyboxplus:curl', 0],
      ['nicolaka/netshoot', 0],
      ['registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', 127],
    ] as const) {
      const { cluster } = await clusterWith(image);
      expect((await cluster.exec('kubectl exec client -- sh -c "curl -s web >/dev/null"')).exitCode).toBe(
        code,
      );
    }
  });
});

// wget.c prints "writing to stdout" / "written to stdout" only from 1_31_0; libbb/progress.c at
// 1_28_4 writes "%-20.20s%4u%% |<31 cells>|%6u%c%3u:%02u:%02u ETA" without a terminal.
describe("busybox wget's messages by release", () => {
  it('1.28 prints the old meter alone; the newest says where it writes', async () => {
    const { cluster } = await clusterWith('busybox:1.28');
    const old = await cluster.exec('kubectl exec client -- wget -O- http://web');
    expect(old.stderr).toMatch(
      /^Connecting to web \(10\.96\.\d+\.\d+:80\)\n- {20}100% \|\*{31}\|   615   0:00:00 ETA\n$/,
    );
    const { cluster: latest } = await clusterWith('busybox');
    const current = await latest.exec('kubectl exec client -- wget -O- http://web');
    expect(current.stderr).toMatch(
      /^Connecting to web \(10\.96\.\d+\.\d+:80\)\nwriting to stdout\n- {20}100% \|\*{32}\|   615  0:00:00 ETA\nwritten to stdout\n$/,
    );
  });
});

describe("busybox 1.28 and a StatefulSet's per-pod names (kubernetes.io's StatefulSet Basics)", () => {
  it('resolves web-0.nginx through the search list; the reverse name is the endpoint hostname', async () => {
    const cluster = createCluster({ seed: 1 });
    await cluster.exec(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
          name: web
EOF`);
    await cluster.exec('kubectl run client --image=busybox:1.28 -- sleep 3600');
    await cluster.exec('sleep 60');
    const ip = (await cluster.exec('kubectl get pod web-0 -o jsonpath={.status.podIP}')).stdout;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(await cluster.exec('kubectl exec client -- nslookup web-0.nginx')).toEqual({
      stdout: OLD_SERVER + `Name:      web-0.nginx\nAddress 1: ${ip} web-0.nginx.default.svc.cluster.local\n`,
      stderr: '',
      exitCode: 0,
    });
  });
});
