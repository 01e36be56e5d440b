/**
 * `npm run kubesim -- serve` as a learner runs it, and what the server answers bad input with.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCluster } from '../../../src/sim/index.ts';
import { startApiServer, type RunningApiServer } from '../../../src/apiserver/server.ts';
import { runRealKubectl } from '../helpers/real-kubectl.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('kubesim serve', () => {
  it('prints where it serves, writes a kubeconfig there, and a real kubectl lists the nodes', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'kube101-serve-'));
    const kubeconfig = path.join(home, 'config');
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      ['src/cli/kubesim.ts', 'serve', '--port', '0', '--seed', '3', '--kubeconfig', kubeconfig],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /^Serving the simulated cluster on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
          if (match) resolve(match[1] as string);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const config = parse(readFileSync(kubeconfig, 'utf8')) as {
        'current-context': string;
        contexts: { name: string; context: { namespace: string } }[];
        clusters: { cluster: { server: string } }[];
      };
      expect(config['current-context']).toBe('kube101');
      expect(config.contexts[0]?.context.namespace).toBe('default');
      expect(config.clusters[0]?.cluster.server).toBe(url);
      const nodes = await runRealKubectl(['get', 'nodes', '-o', 'name'], { home, kubeconfig });
      expect(nodes).toEqual({
        stdout: 'node/control-plane\nnode/worker-1\nnode/worker-2\n',
        stderr: '',
        exitCode: 0,
      });
      const stopped = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await stopped).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('refuses an unknown option with its usage', async () => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      ['src/cli/kubesim.ts', 'serve', '--prot', '1'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kubesim serve: unknown option --prot\nusage: kubesim serve/);
  });
});

describe('bad input gets the API server’s Status errors', () => {
  let server: RunningApiServer;
  beforeAll(async () => {
    server = await startApiServer({ cluster: createCluster({ seed: 2 }), clock: 'stepped' });
  });
  afterAll(() => server.close());

  const post = (pathname: string, body: string, contentType = 'application/json') =>
    fetch(`${server.url}${pathname}`, { method: 'POST', body, headers: { 'Content-Type': contentType } });

  it('a body over 3 MiB is 413 RequestEntityTooLarge, and nothing is created', async () => {
    const big = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'big' },
      data: { blob: 'x'.repeat(3 * 1024 * 1024) },
    });
    const response = await post('/api/v1/namespaces/default/configmaps', big);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: limit is 3145728',
      code: 413,
    });
    expect(server.served.api.tryGet('configmaps', 'default', 'big')).toBeUndefined();
  });

  it('malformed JSON is a 400 with Go’s words', async () => {
    const response = await post('/api/v1/namespaces/default/configmaps', '{"apiVersion": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      reason: 'BadRequest',
      message: "couldn't get version/kind; json parse error: unexpected end of JSON input",
    });
  });

  it('an unknown field under fieldValidation=Strict is a 400 naming it', async () => {
    const response = await post(
      '/api/v1/namespaces/default/configmaps?fieldValidation=Strict',
      JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, dta: {} }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dta"',
    );
  });

  it('an unknown resource is the server’s 404', async () => {
    const response = await fetch(`${server.url}/api/v1/namespaces/default/widgets`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
    });
  });

  it('a client that only speaks SPDY is told to use WebSocket', async () => {
    const pod = server.served.api.list('pods', 'kube-system')[0]?.metadata.name as string;
    // fetch will not send an upgrade: the request is written by hand.
    const raw = await new Promise<string>((resolve) => {
      void import('node:net').then(({ connect }) => {
        const socket = connect(server.port, '127.0.0.1', () =>
          socket.write(
            `POST /api/v1/namespaces/kube-system/pods/${pod}/exec?command=ls HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n\r\n`,
          ),
        );
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
      });
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 BadRequest/);
    expect(raw).toContain('SPDY is not supported');
  });

  it('random requests never crash the server or leave it unable to answer', async () => {
    const paths = fc.constantFrom(
      '/api/v1/namespaces/default/pods',
      '/api/v1/namespaces/default/services/kubernetes',
      '/api/v1/nodes/worker-1',
      '/apis/apps/v1/namespaces/default/deployments',
      '/api/v1/namespaces/default/configmaps/x',
      '/api/v1/namespaces/nope/pods/x/log',
      '/apis/apps/v1/namespaces/default/deployments/x/scale',
      '/api/v1/namespaces/default',
      '/openapi/v3/api/v1',
      '/apis/nope/v1',
    );
    const methods = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constant('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}'),
    );
    const contentTypes = fc.constantFrom(
      'application/json',
      'application/yaml',
      'application/merge-patch+json',
      'application/json-patch+json',
      'application/strategic-merge-patch+json',
      'text/plain',
    );
    const query = fc.constantFrom(
      '',
      '?dryRun=All',
      '?labelSelector=a%20in%20(',
      '?fieldSelector=x=y',
      '?watch=0',
    );
    await fc.assert(
      fc.asyncProperty(paths, methods, bodies, contentTypes, query, async (p, method, body, type, q) => {
        const response = await fetch(`${server.url}${p}${q}`, {
          method,
          headers: { 'Content-Type': type },
          ...(method === 'GET' || method === 'DELETE' ? {} : { body }),
        });
        const text = await response.text();
        expect(response.status, `${method} ${p}${q} ${body}: ${text}`).not.toBe(500);
      }),
      { numRuns: 300 },
    );
    // Whatever the requests changed (they may delete a node), the server still lists.
    const nodes = await fetch(`${server.url}/api/v1/nodes`);
    expect(((await nodes.json()) as { kind: string }).kind).toBe('NodeList');
  });
});
