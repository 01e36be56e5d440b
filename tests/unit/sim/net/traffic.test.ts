import { describe, expect, it } from 'vitest';
import { clusterIp, clusterWith, execInPod, podNames, podOf, podRuntime } from './helpers.ts';
import { httpRequest } from '../../../../src/sim/net/http.ts';
import { PodLogStore } from '../../../../src/sim/net/logs.ts';

const NODE_IPS = ['192.168.49.2', '192.168.49.3', '192.168.49.4'];
const WEB = [
  'kubectl create deployment web --image=kube101/hello --replicas=3 --port=300',
  'kubectl create service nodeport web --tcp=82:300 --node-port=30033',
  'kubectl create deployment client --image=busybox -- sleep 3600',
];

describe('traffic to a NodePort Service', () => {
  it('answers on every node IP from the workstation', async () => {
    const cluster = await clusterWith(WEB);
    for (const ip of NODE_IPS) {
      const result = await cluster.exec(`curl -s http://${ip}:30033/`);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^Hello from web-[a-z0-9]+-[a-z0-9]{5} on port 300\n$/);
    }
  });

  it('spreads requests over the ready pods', async () => {
    const cluster = await clusterWith(WEB);
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) seen.add((await cluster.exec('curl -s 192.168.49.3:30033')).stdout);
    expect(seen.size).toBe(3);
  });

  it('does not answer on the ClusterIP from the workstation: the connection times out', async () => {
    const cluster = await clusterWith(WEB);
    const ip = clusterIp(cluster, 'web');
    const before = cluster.now();
    const result = await cluster.exec(`curl --connect-timeout 5 http://${ip}:82`);
    expect(result.exitCode).toBe(28);
    expect(result.stderr).toMatch(
      new RegExp(
        `^curl: \\(28\\) Failed to connect to ${ip.replace(/\./g, '\\.')} port 82 after 500\\d ms: Timeout was reached\\n$`,
      ),
    );
    expect(cluster.now() - before).toBeGreaterThanOrEqual(5000);
    const maxTime = await cluster.exec(`curl -s -m 2 http://${ip}:82 ; echo $?`);
    expect(maxTime.stdout).toBe('28\n');
  });

  it('answers on the ClusterIP, the service name and the NodePort from inside a pod', async () => {
    const cluster = await clusterWith(WEB);
    const [client] = podNames(cluster, 'client');
    const ip = clusterIp(cluster, 'web');
    for (const url of [
      `http://${ip}:82`,
      'http://web:82',
      'web.default.svc.cluster.local:82',
      'http://192.168.49.4:30033',
    ]) {
      const result = await execInPod(cluster, client as string, ['wget', '-qO-', url]);
      expect(result).toMatchObject({ exitCode: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Hello from web-.* on port 300\n$/);
    }
  });

  it('refuses the connection when the targetPort is one the pods do not listen on', async () => {
    const cluster = await clusterWith([
      ...WEB,
      'kubectl create service nodeport wrong --tcp=82:8080 --node-port=30034',
    ]);
    cluster.api.update('services', {
      ...cluster.api.get('services', 'default', 'wrong'),
      spec: {
        ...(cluster.api.get('services', 'default', 'wrong')['spec'] as object),
        selector: { app: 'web' },
      },
    });
    cluster.settle();
    const result = await cluster.exec('curl http://192.168.49.3:30034');
    expect(result).toEqual({
      stdout: '',
      stderr:
        'curl: (7) Failed to connect to 192.168.49.3 port 30034 after 0 ms: Could not connect to server\n',
      exitCode: 7,
    });
  });

  it('refuses at once when the selector matches no ready pod (no endpoints)', async () => {
    const cluster = await clusterWith([
      ...WEB,
      'kubectl create service nodeport nobody --tcp=80:80 --node-port=30035',
    ]);
    const endpoints = await cluster.exec('kubectl get endpoints nobody');
    expect(endpoints.stdout).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nnobody\s+<none>\s+\d+s\n$/);
    const result = await cluster.exec('curl -sS 192.168.49.2:30035');
    expect(result.stderr).toBe(
      'curl: (7) Failed to connect to 192.168.49.2 port 30035 after 0 ms: Could not connect to server\n',
    );
  });

  it('times out when the workstation tries a pod IP', async () => {
    const cluster = await clusterWith(WEB);
    const pod = { status: podOf(cluster, podNames(cluster, 'web')[0] as string) };
    const result = await cluster.exec(`curl -sS -m 3 ${pod.status.podIP}:300`);
    expect(result.stderr).toBe(
      'curl: (28) Connection timed out after 3001 milliseconds\n'.replace(
        '3001',
        result.stderr.match(/after (\d+)/)?.[1] ?? '',
      ),
    );
    expect(result.exitCode).toBe(28);
  });

  it('prints only the status code with -o /dev/null -w', async () => {
    const cluster = await clusterWith(WEB);
    const result = await cluster.exec(`curl -s -o /dev/null -w '%{http_code}\\n' 192.168.49.3:30033`);
    expect(result).toEqual({ stdout: '200\n', stderr: '', exitCode: 0 });
    const failed = await cluster.exec(`curl -s -o /dev/null -w '%{http_code}\\n' 192.168.49.3:30099`);
    expect(failed).toEqual({ stdout: '000\n', stderr: '', exitCode: 7 });
  });
});

describe('inside a pod', () => {
  it('resolves Service names through the search path, as busybox nslookup prints it', async () => {
    const cluster = await clusterWith(WEB);
    const [client] = podNames(cluster, 'client');
    const result = await execInPod(cluster, client as string, ['nslookup', 'web']);
    // busybox asks each search domain for A then AAAA and prints every reply, misses included.
    expect(result.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${clusterIp(cluster, 'web')}\n\n` +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n\n" +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n",
    );
    const missing = await execInPod(cluster, client as string, ['nslookup', 'nope']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN");
  });

  it('has the Service environment variables of Services created before the pod, and the resolv.conf', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment web --image=kube101/hello --replicas=1 --port=300',
      'kubectl create service nodeport web --tcp=82:300 --node-port=30033',
    ]);
    await cluster.exec('kubectl create deployment client --image=busybox -- sleep 3600');
    cluster.settle();
    await cluster.exec('sleep 5');
    await cluster.exec('kubectl create service clusterip later --tcp=80:80');
    const [client] = podNames(cluster, 'client');
    const ip = clusterIp(cluster, 'web');
    const env = await execInPod(cluster, client as string, ['printenv']);
    for (const line of [
      `WEB_SERVICE_HOST=${ip}`,
      'WEB_SERVICE_PORT=82',
      'WEB_SERVICE_PORT_82_300=82',
      `WEB_PORT=tcp://${ip}:82`,
      `WEB_PORT_82_TCP=tcp://${ip}:82`,
      'WEB_PORT_82_TCP_PROTO=tcp',
      'WEB_PORT_82_TCP_PORT=82',
      `WEB_PORT_82_TCP_ADDR=${ip}`,
      'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'KUBERNETES_SERVICE_PORT=443',
      `HOSTNAME=${client}`,
    ]) {
      expect(env.stdout.split('\n')).toContain(line);
    }
    expect(env.stdout).not.toContain('LATER_SERVICE_HOST');
    const resolv = await execInPod(cluster, client as string, ['cat', '/etc/resolv.conf']);
    expect(resolv.stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    const hostname = await execInPod(cluster, client as string, ['hostname']);
    expect(hostname.stdout).toBe(`${client}\n`);
  });

  it('runs sh -c with pipes, and only the tools the image has', async () => {
    const cluster = await clusterWith([...WEB, 'kubectl create deployment nginx --image=nginx']);
    const [client] = podNames(cluster, 'client');
    const piped = await execInPod(cluster, client as string, [
      'sh',
      '-c',
      'for i in 1 2 3; do wget -qO- web:82; done | wc -l',
    ]);
    expect(piped.stdout).toBe('3\n');
    await expect(execInPod(cluster, client as string, ['curl', 'web:82'])).rejects.toThrow(
      /^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown$/,
    );
    const inShell = await execInPod(cluster, client as string, ['sh', '-c', 'curl web:82']);
    expect(inShell).toEqual({ stdout: '', stderr: 'sh: curl: not found\n', exitCode: 127 });
    const [nginx] = podNames(cluster, 'nginx');
    const fromNginx = await execInPod(cluster, nginx as string, ['curl', '-s', 'localhost']);
    expect(fromNginx.stdout).toContain('<h1>Welcome to nginx!</h1>');
  });

  it('logs each request the app serves, with the client address kube-proxy lets through', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment web --image=nginx --replicas=1',
      'kubectl create service nodeport web --tcp=80:80 --node-port=30080',
    ]);
    const [pod] = podNames(cluster, 'web');
    const { hostIP, podIP } = podOf(cluster, pod as string);
    const logs = new PodLogStore();
    const result = httpRequest(podRuntime(cluster, logs), {
      from: { kind: 'workstation' },
      url: `http://${hostIP}:30080/`,
      headers: [['User-Agent', 'curl/8.14.1']],
    });
    expect(result).toMatchObject({ kind: 'response', status: 200, remoteIp: hostIP, remotePort: 30080 });
    expect(result.path.map((hop) => hop.kind)).toEqual(['client', 'node', 'service', 'pod']);
    const bridge = podIP.replace(/\.\d+$/, '.1');
    const lines = logs.read('default', pod as string, 'nginx').map((l) => l.text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^[\d.]+ - - \[05\/Jan\/2026:09:10:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.14\.1" "-"$/,
    );
    expect(lines[0]?.startsWith(`${bridge} `)).toBe(true);
  });
});

describe('the API server on the control plane', () => {
  it('refuses plain HTTP, wants its certificate trusted, and shows anonymous users only version and health', async () => {
    const cluster = await clusterWith([]);
    expect((await cluster.exec('curl -s http://192.168.49.2:6443/')).stdout).toBe(
      'Client sent an HTTP request to an HTTPS server.\n',
    );
    const untrusted = await cluster.exec('curl https://192.168.49.2:6443/');
    expect(untrusted.exitCode).toBe(60);
    expect(untrusted.stderr).toMatch(
      /^curl: \(60\) SSL certificate problem: unable to get local issuer certificate\n/,
    );
    expect((await cluster.exec('curl -sk https://192.168.49.2:6443/healthz')).stdout).toBe('ok');
    expect(
      JSON.parse((await cluster.exec('curl -sk https://192.168.49.2:6443/version')).stdout),
    ).toMatchObject({ gitVersion: 'v1.35.2' });
    expect(
      JSON.parse((await cluster.exec('curl -sk https://192.168.49.2:6443/api/v1/pods')).stdout),
    ).toMatchObject({
      reason: 'Forbidden',
      message: 'forbidden: User "system:anonymous" cannot get path "/api/v1/pods"',
      code: 403,
    });
  });
});

describe('kubectl port-forward', () => {
  it('lets the workstation reach the pod on localhost while the forward is open', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment web --image=kube101/hello --replicas=1 --port=300',
    ]);
    const [pod] = podNames(cluster, 'web');
    const runtime = podRuntime(cluster);
    const handled: number[] = [];
    const close = runtime.portForwards.open({
      namespace: 'default',
      pod: pod as string,
      ports: [{ local: 8080, remote: 301 }],
      onConnection: (local) => handled.push(local),
    });
    const result = httpRequest(runtime, { from: { kind: 'workstation' }, url: 'http://localhost:8080/' });
    expect(result).toMatchObject({ kind: 'response', status: 200, body: `Hello from ${pod} on port 301\n` });
    expect(handled).toEqual([8080]);
    close();
    expect(
      httpRequest(runtime, { from: { kind: 'workstation' }, url: 'http://127.0.0.1:8080/' }),
    ).toMatchObject({ kind: 'error', code: 'refused' });
  });
});

describe('Service kinds', () => {
  it('drops NodePort traffic on nodes without a local endpoint when externalTrafficPolicy is Local', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment web --image=kube101/hello --replicas=1 --port=300',
      'kubectl create service nodeport web --tcp=82:300 --node-port=30033',
    ]);
    const service = cluster.api.get('services', 'default', 'web');
    cluster.api.update('services', {
      ...service,
      spec: { ...(service['spec'] as object), externalTrafficPolicy: 'Local' },
    });
    const pod = { status: podOf(cluster, podNames(cluster, 'web')[0] as string) };
    const local = await cluster.exec(`curl -s ${pod.status.hostIP}:30033`);
    expect(local.stdout).toMatch(/^Hello from web-/);
    const other = NODE_IPS.find((ip) => ip !== pod.status.hostIP && ip !== '192.168.49.2') as string;
    const dropped = await cluster.exec(`curl -sS -m 2 ${other}:30033`);
    expect(dropped.exitCode).toBe(28);
  });

  it('answers a LoadBalancer Service on its external IP from the workstation', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment web --image=kube101/hello --replicas=2 --port=300',
      'kubectl create service loadbalancer web --tcp=80:301',
    ]);
    const service = cluster.api.get('services', 'default', 'web') as {
      status?: { loadBalancer?: { ingress?: { ip: string }[] } };
    };
    const ip = service.status?.loadBalancer?.ingress?.[0]?.ip;
    expect(ip).toBeDefined();
    const result = await cluster.exec(`curl -s http://${ip}/`);
    expect(result.stdout).toMatch(/^Hello from web-.* on port 301\n$/);
  });

  it('resolves a headless Service to its pods and an ExternalName Service to a CNAME', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment web --image=kube101/hello --replicas=2 --port=300',
      'kubectl create service clusterip web --clusterip=None --tcp=300:300',
      'kubectl create service externalname docs --external-name=web.default.svc.cluster.local',
      'kubectl create deployment client --image=busybox -- sleep 3600',
    ]);
    const [client] = podNames(cluster, 'client');
    const podIps = podNames(cluster, 'web')
      .map((n) => podOf(cluster, n).podIP)
      .sort();
    const headless = await execInPod(cluster, client as string, ['nslookup', 'web']);
    const answer = `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n${podIps.map((ip) => `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n`).join('')}\n`;
    expect(headless.stdout.slice(0, answer.length)).toBe(answer);
    const external = await execInPod(cluster, client as string, ['nslookup', 'docs']);
    expect(external.stdout).toContain(
      'docs.default.svc.cluster.local\tcanonical name = web.default.svc.cluster.local\n',
    );
  });
});

describe('apps calling apps', () => {
  it('ends a loop of Services after four nested requests: a frontend whose backend is itself', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment hello --image=gcr.io/google-samples/hello-frontend --replicas=1 --port=80',
      'kubectl create service nodeport hello --tcp=80:80 --node-port=30080',
    ]);
    const result = await cluster.exec('curl -s -o /dev/null -w "%{http_code}" http://192.168.49.3:30080/');
    expect(result.stdout).toBe('502');
    const [pod] = podNames(cluster, 'hello');
    const logs = await cluster.exec(`kubectl logs ${pod}`);
    // The learner's request, then one more for each app's call to its "backend": four.
    expect(
      logs.stdout
        .trimEnd()
        .split('\n')
        .filter((line) => line.includes('"GET / HTTP/1.1"')),
    ).toHaveLength(5);
  });
});
