/**
 * Captures what the real kubectl 1.35 prints for `kubectl explain` into tests/fixtures/explain/.
 *
 * kubectl explain reads the server's discovery and OpenAPI v3 documents, so this starts a small HTTP
 * server that answers as a kube-apiserver serving exactly the simulator's resource types: legacy
 * discovery (/api, /apis, /api/v1, /apis/<group>/<version>), the /openapi/v3 index, the untrimmed OpenAPI v3
 * documents of Kubernetes 1.35 as a 1.35 API server serves them, and the same definitions as /openapi/v2
 * protobuf. Tests never run this; they compare the simulator with its output.
 *
 *   npx tsx scripts/schema/capture-explain.ts <served dir> [kubectl binary]
 *
 * <served dir> is what build-openapi.ts writes as its served dir: api__v1_openapi.json,
 * apis__apps__v1_openapi.json, apis__discovery.k8s.io__v1_openapi.json.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESOURCE_TYPES, apiVersionOf } from '../../src/sim/api/resources.ts';
import { EXPLAIN_CASES } from './explain-cases.ts';
import { groupVersionPath, specFileName } from './openapi-files.ts';
import { encodeSwaggerDocument } from '../../src/apiserver/swagger-protobuf.ts';
import { toSwaggerSchema } from '../../src/sim/kubectl/explain/swagger.ts';
import * as prettier from 'prettier';

const specDir = process.argv[2];
const kubectl = process.argv[3] ?? '/tmp/k/package/lib/layer/kubectl/kubectl';
if (!specDir) throw new Error('usage: capture-explain.ts <served dir> [kubectl]');
const fixtureDir = 'tests/fixtures/explain';

const groupVersions = [...new Set(RESOURCE_TYPES.map(apiVersionOf))];
const documents = new Map(
  groupVersions.map((gv) => {
    const body = readFileSync(join(specDir, specFileName(gv)));
    return [
      groupVersionPath(gv),
      { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() },
    ];
  }),
);

// /openapi/v2, for `-o plaintext-openapiv2`: the same definitions in swagger form, as protobuf.
const swaggerDefinitions: Record<string, Record<string, unknown>> = {};
for (const { body } of documents.values()) {
  const schemas = (
    JSON.parse(body.toString()) as { components: { schemas: Record<string, Record<string, unknown>> } }
  ).components.schemas;
  for (const [name, schema] of Object.entries(schemas)) swaggerDefinitions[name] = toSwaggerSchema(schema);
}
const swaggerProtobuf = encodeSwaggerDocument(swaggerDefinitions);

function resourceList(groupVersion: string): unknown {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: RESOURCE_TYPES.filter((type) => apiVersionOf(type) === groupVersion).map((type) => ({
      name: type.resource,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
      ...(type.shortNames.length ? { shortNames: type.shortNames } : {}),
      ...(type.categories.length ? { categories: type.categories } : {}),
    })),
  };
}

function discovery(path: string): unknown {
  if (path === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.1:6443' }],
    };
  }
  if (path === '/apis') {
    const groups = [...new Set(RESOURCE_TYPES.filter((type) => type.group).map((type) => type.group))];
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((name) => {
        const version = RESOURCE_TYPES.find((type) => type.group === name)?.version ?? 'v1';
        const gv = { groupVersion: `${name}/${version}`, version };
        return { name, versions: [gv], preferredVersion: gv };
      }),
    };
  }
  if (path === '/openapi/v3') {
    return {
      paths: Object.fromEntries(
        [...documents].map(([gvPath, doc]) => [
          gvPath,
          { serverRelativeURL: `/openapi/v3/${gvPath}?hash=${doc.hash}` },
        ]),
      ),
    };
  }
  for (const gv of groupVersions) {
    if (path === `/${groupVersionPath(gv)}`) return resourceList(gv);
  }
  return undefined;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const document = url.pathname.startsWith('/openapi/v3/')
    ? documents.get(url.pathname.slice('/openapi/v3/'.length))
    : undefined;
  if (url.pathname === '/openapi/v2') {
    response.writeHead(200, { 'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
    response.end(swaggerProtobuf);
    return;
  }
  if (document) {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(document.body);
    return;
  }
  const body = discovery(url.pathname);
  if (body === undefined) {
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      }),
    );
    return;
  }
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
});

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    execFile(kubectl, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout, stderr, exitCode });
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address() as AddressInfo;
  const home = mkdtempSync(join(tmpdir(), 'explain-capture-'));
  // No kubeconfig and a fresh cache: every run asks this server, not a previous one's cached discovery.
  const env = { PATH: process.env.PATH, HOME: home, KUBECONFIG: join(home, 'none') };
  mkdirSync(fixtureDir, { recursive: true });
  const manifest = [];
  try {
    for (const testCase of EXPLAIN_CASES) {
      const args = [
        '--server',
        `http://127.0.0.1:${port}`,
        '--cache-dir',
        join(home, 'cache'),
        'explain',
        ...testCase.args,
      ];
      const result = await run(args, env);
      writeFileSync(
        join(fixtureDir, `${testCase.name}.txt`),
        result.exitCode === 0 ? result.stdout : result.stderr,
      );
      if (result.exitCode === 0 && result.stderr)
        console.warn(`${testCase.name}: unexpected stderr: ${result.stderr}`);
      manifest.push({ name: testCase.name, args: testCase.args, exitCode: result.exitCode });
      console.log(
        `${testCase.name}: exit ${result.exitCode}, ${(result.exitCode === 0 ? result.stdout : result.stderr).length} bytes`,
      );
    }
    const manifestPath = join(fixtureDir, 'cases.json');
    const config = await prettier.resolveConfig(manifestPath);
    writeFileSync(
      manifestPath,
      await prettier.format(JSON.stringify(manifest), { ...config, parser: 'json' }),
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
    server.close();
  }
});
