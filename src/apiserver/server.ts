/**
 * The simulated cluster behind a Kubernetes API over HTTP: a thin adapter (node:http, ws for the
 * upgrades) over the simulator's own API server. Discovery and OpenAPI are answered here; every
 * object request goes to resources.ts, which hands it to the simulator.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Cluster } from '../sim/index.ts';
import { StatusError } from '../sim/api/status-error.ts';
import {
  AGGREGATED_DISCOVERY_TYPE,
  aggregatedDiscovery,
  apiGroup,
  coreVersions,
  groupList,
  resourceList,
  VERSION_INFO,
} from './discovery.ts';
import { OPENAPI_V2_PROTOBUF_TYPE, openApiV2Protobuf, openApiV3Document, openApiV3Index } from './openapi.ts';
import { parsePath } from './request-path.ts';
import { handleResource } from './resources.ts';
import { sendError, sendJson } from './respond.ts';
import { ServedCluster, type ClockMode } from './served-cluster.ts';
import { entityTooLarge, MAX_REQUEST_BODY_BYTES, pageNotFound } from './status.ts';
import { servePodLog } from './pod-log.ts';
import { answerUnmodelledRead } from './unmodelled-reads.ts';
import { handleUpgrade } from './pod-streams.ts';

export interface ApiServerOptions {
  cluster: Cluster;
  /** 127.0.0.1 unless the caller chose another address. */
  host?: string;
  /** 0 (the default) takes any free port. */
  port?: number;
  clock?: ClockMode;
}

export interface RunningApiServer {
  url: string;
  port: number;
  readonly served: ServedCluster;
  /** Serve another cluster on the same address (test suites that need many fresh clusters). */
  replaceCluster(cluster: Cluster): void;
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  let served = new ServedCluster(options.cluster, options.clock ?? 'wall');
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) return sendError(response, entityTooLarge());
      try {
        route(served, request, response, Buffer.concat(chunks));
      } catch (error) {
        sendError(response, error);
      }
    });
  });
  server.on('upgrade', (request, socket: Socket, head) => handleUpgrade(served, request, socket, head));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    get served() {
      return served;
    },
    replaceCluster(cluster) {
      served.close();
      served = new ServedCluster(cluster, served.clockMode);
    },
    close: () =>
      new Promise<void>((resolve) => {
        served.close();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function route(
  served: ServedCluster,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  body: Buffer,
): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
  const method = request.method ?? 'GET';
  served.catchUp();
  if (method === 'GET') {
    if (discovery(pathname, request.headers.accept ?? '', response)) return;
    if (answerUnmodelledRead(served, pathname, response)) return;
  }
  const parsed = parsePath(pathname);
  if (parsed.kind === 'groupVersion' && method === 'GET')
    return sendJson(response, 200, resourceList(parsed.groupVersion));
  if (parsed.kind !== 'resource') throw pageNotFound();
  const resourceRequest = { served, request, response, path: parsed.path, query: url.searchParams, body };
  if (parsed.path.type.resource === 'pods' && parsed.path.subresource === 'log' && method === 'GET')
    return servePodLog(resourceRequest);
  if (
    parsed.path.type.resource === 'pods' &&
    ['exec', 'attach', 'portforward'].includes(parsed.path.subresource ?? '')
  )
    throw StatusError.badRequest('Upgrade request required');
  handleResource(resourceRequest);
}

/** Discovery and OpenAPI documents; false when the path is none of them. */
function discovery(pathname: string, accept: string, response: http.ServerResponse): boolean {
  const aggregated = accept.includes('as=APIGroupDiscoveryList');
  switch (pathname) {
    case '/version':
      sendJson(response, 200, VERSION_INFO);
      return true;
    case '/api':
    case '/apis':
      if (aggregated) {
        response.writeHead(200, {
          'Content-Type': AGGREGATED_DISCOVERY_TYPE,
          'Cache-Control': 'no-cache, private',
        });
        response.end(JSON.stringify(aggregatedDiscovery(pathname === '/api')));
      } else sendJson(response, 200, pathname === '/api' ? coreVersions('192.168.49.2:6443') : groupList());
      return true;
    case '/openapi/v2':
      response.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF_TYPE });
      response.end(openApiV2Protobuf());
      return true;
    case '/openapi/v3':
      sendJson(response, 200, openApiV3Index());
      return true;
    case '/healthz':
    case '/livez':
    case '/readyz':
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('ok');
      return true;
  }
  if (pathname.startsWith('/openapi/v3/')) {
    const document = openApiV3Document(pathname.slice('/openapi/v3/'.length));
    if (document === undefined) return false;
    sendJson(response, 200, document);
    return true;
  }
  const group = /^\/apis\/([^/]+)$/.exec(pathname);
  if (group) {
    const found = apiGroup(group[1] as string);
    if (!found) return false;
    sendJson(response, 200, found);
    return true;
  }
  return false;
}
