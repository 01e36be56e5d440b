/**
 * A Service without a selector whose EndpointSlice the learner writes: the controllers leave the
 * slice alone, kube-proxy sends the Service's traffic to the address in it — here a database VM
 * outside the cluster — and kubectl shows it.
 */
import { describe, expect, it } from 'vitest';
import { clusterWith } from './helpers.ts';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  ports:
  - port: 5984
---
`;
const DB = `${SERVICE}apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-1
  labels:
    kubernetes.io/service-name: db
addressType: IPv4
ports:
- port: 5984
endpoints:
- addresses: ["192.168.49.50"]
`;
const WELCOME = /^\{"couchdb":"Welcome","version":"3\.2\.2",/;

async function clusterWithDb(slice = DB) {
  const cluster = await clusterWith(['kubectl run client --image=curlimages/curl --command -- sleep 3600']);
  cluster.fs.write('db.yaml', slice);
  expect((await cluster.exec('kubectl apply -f db.yaml')).stdout).toBe(
    'service/db created\nendpointslice.discovery.k8s.io/db-1 created\n',
  );
  cluster.settle();
  return cluster;
}

describe('a Service without a selector', () => {
  it('sends a pod to the database VM named in its hand-written EndpointSlice', async () => {
    const cluster = await clusterWithDb();
    const byName = await cluster.exec('kubectl exec client -- curl -s http://db:5984/');
    expect(byName.stdout).toMatch(WELCOME);
    const missing = await cluster.exec(
      'kubectl exec client -- curl -s http://db.default.svc.cluster.local:5984/shop',
    );
    expect(missing.stdout).toBe('{"error":"not_found","reason":"Database does not exist."}\n');
  });

  it('keeps the slice as written: no controller adds, changes or deletes slices for it', async () => {
    const cluster = await clusterWithDb();
    const before = await cluster.exec('kubectl get endpointslices -l kubernetes.io/service-name=db -o yaml');
    await cluster.exec('sleep 60');
    const after = await cluster.exec('kubectl get endpointslices -l kubernetes.io/service-name=db -o yaml');
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).toContain('name: db-1\n');
    expect((await cluster.exec('kubectl get endpoints db')).stderr).toContain(
      'Error from server (NotFound): endpoints "db" not found',
    );
    const describe = await cluster.exec('kubectl describe svc db');
    expect(describe.stdout).toContain('Selector:                 <none>\n');
    expect(describe.stdout).toContain('Endpoints:                192.168.49.50:5984\n');
  });

  it('stores the slice with the port defaults the API server fills in: no name, TCP', async () => {
    const cluster = await clusterWithDb();
    const yaml = await cluster.exec('kubectl get endpointslice db-1 -o yaml');
    expect(yaml.stdout).toContain('ports:\n- name: ""\n  port: 5984\n  protocol: TCP\n');
  });

  it('refuses at once without the slice, and when the slice names a port the VM does not listen on', async () => {
    const cluster = await clusterWithDb(DB.replace(/- port: 5984\nendpoints/, '- port: 5432\nendpoints'));
    const wrongPort = await cluster.exec('kubectl exec client -- curl -sS http://db:5984/');
    expect(wrongPort.exitCode).toBe(7);
    await cluster.exec('kubectl delete endpointslice db-1');
    const none = await cluster.exec('kubectl exec client -- curl -sS http://db:5984/');
    expect(none.stderr).toMatch(
      /^curl: \(7\) Failed to connect to db port 5984 after \d+ ms: Could not connect to server\n/,
    );
  });
});

describe('a hand-written Endpoints object for a Service without a selector', () => {
  const ENDPOINTS = `${SERVICE}apiVersion: v1
kind: Endpoints
metadata:
  name: db
subsets:
- addresses:
  - ip: 192.168.49.50
  ports:
  - port: 5984
`;

  it('is mirrored into an EndpointSlice owned by it, which kube-proxy follows and which goes with it', async () => {
    const cluster = await clusterWith(['kubectl run client --image=curlimages/curl --command -- sleep 3600']);
    cluster.fs.write('db.yaml', ENDPOINTS);
    const applied = await cluster.exec('kubectl apply -f db.yaml');
    expect(applied.stdout).toBe('service/db created\nendpoints/db created\n');
    expect(applied.stderr).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    cluster.settle();
    const slices = await cluster.exec(
      "kubectl get endpointslices -l endpointslice.kubernetes.io/managed-by=endpointslicemirroring-controller.k8s.io -o 'custom-columns=SERVICE:.metadata.labels.kubernetes\\.io/service-name,OWNER:.metadata.ownerReferences[0].kind,IP:.endpoints[0].addresses[0],READY:.endpoints[0].conditions.ready'",
    );
    expect(slices.stdout).toBe(
      'SERVICE   OWNER       IP              READY\ndb        Endpoints   192.168.49.50   true\n',
    );
    expect((await cluster.exec('kubectl exec client -- curl -s http://db:5984/')).stdout).toMatch(WELCOME);
    await cluster.exec('kubectl delete endpoints db');
    cluster.settle();
    expect((await cluster.exec('kubectl get endpointslices -l kubernetes.io/service-name=db')).stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });

  it("is not mirrored for a Service with a selector, nor for the API server's own kubernetes Endpoints", async () => {
    const cluster = await clusterWith([]);
    cluster.fs.write('db.yaml', ENDPOINTS.replace('spec:\n', 'spec:\n  selector:\n    app: db\n'));
    await cluster.exec('kubectl apply -f db.yaml');
    cluster.settle();
    const managers = await cluster.exec(
      `kubectl get endpointslices -A -o jsonpath='{range .items[*]}{.metadata.labels.endpointslice\\.kubernetes\\.io/managed-by}{"\\n"}{end}'`,
    );
    expect(managers.stdout).not.toContain('endpointslicemirroring-controller.k8s.io');
  });
});
