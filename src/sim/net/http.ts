/**
 * One HTTP request through the simulated network: resolve the host (cluster DNS from a pod, none
 * from the workstation), connect through kube-proxy's rules, let the container's app answer, write
 * its access log line, and tell the page the route the request took. `curl`, `wget`, the grader's
 * probes and apps calling other apps all go through here.
 */
import type { Runtime } from '../runtime.ts';
import type { TrafficHop } from '../cluster-types.ts';
import type { NetworkOrigin } from '../shell/command.ts';
import { resolveDns } from './dns.ts';
import { connect, type Listener } from './kube-proxy.ts';
import { byteLength, httpDate, type AppContext, type HttpRequest, type HttpResponse } from './http-types.ts';
import { SERVER_VERSION } from '../version.ts';

export interface HttpRequestOptions {
  from: NetworkOrigin;
  url: string;
  method?: string;
  headers?: [string, string][];
  body?: string;
  /** Accept the API server's self-signed certificate (`curl -k`). */
  insecure?: boolean;
  timeoutMs?: number;
}

/** How long Linux keeps retrying a SYN nobody answers (tcp_syn_retries=6) before connect() fails. */
export const KERNEL_CONNECT_TIMEOUT_MS = 133_000;

export type HttpErrorCode = 'refused' | 'timeout' | 'dns' | 'unreachable' | 'url' | 'tls' | 'certificate';

export type HttpResult =
  | {
      kind: 'response';
      status: number;
      headers: [string, string][];
      body: string;
      remoteIp: string;
      remotePort: number;
      path: TrafficHop[];
    }
  | {
      kind: 'error';
      code: HttpErrorCode;
      message: string;
      remoteIp?: string;
      remotePort?: number;
      path: TrafficHop[];
    };

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query, as sent on the request line. */
  target: string;
  /** `host` or `host:port` as written, for the Host header. */
  authority: string;
}

/** curl's reading of a URL: a missing scheme means http. Undefined when it is malformed. */
export function parseUrl(url: string): ParsedUrl | { unsupported: string } | undefined {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(url);
  if (!match) return undefined;
  const [, schemeText, host = '', portText, rest = '/'] = match;
  const scheme = (schemeText ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { unsupported: scheme };
  if (host === '') return undefined;
  const port = portText ? Number(portText) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port > 65535) return undefined;
  const target = rest.split('#')[0] || '/';
  return {
    scheme,
    host: host.toLowerCase(),
    port,
    target: target.startsWith('?') ? `/${target}` : target,
    authority: portText ? `${host}:${portText}` : host,
  };
}

/** How deep apps may call apps (a frontend calling its backend): a loop of Services ends here. */
const MAX_APP_DEPTH = 4;

export function httpRequest(runtime: Runtime, options: HttpRequestOptions): HttpResult {
  return requestAt(runtime, options, 0);
}

/** `depth`: how many apps' requests this one is nested in. */
function requestAt(runtime: Runtime, options: HttpRequestOptions, depth: number): HttpResult {
  const url = parseUrl(options.url);
  const fromName =
    options.from.kind === 'workstation'
      ? 'workstation'
      : `pod/${options.from.namespace}/${options.from.name}`;
  const fail = (
    code: HttpErrorCode,
    message: string,
    path: TrafficHop[],
    remoteIp?: string,
    remotePort?: number,
  ): HttpResult => {
    runtime.emit({ type: 'traffic', from: fromName, path, ok: false });
    return { kind: 'error', code, message, path, remoteIp, remotePort };
  };
  if (!url || 'unsupported' in url) return fail('url', `URL rejected: ${options.url}`, []);
  const namespace = options.from.kind === 'pod' ? options.from.namespace : undefined;
  const resolved = resolveDns(runtime, url.host.replace(/^\[|\]$/g, ''), namespace);
  if (resolved.kind === 'nxdomain' || resolved.addresses.length === 0)
    return fail('dns', `Could not resolve host: ${url.host}`, []);
  const ip = resolved.addresses[runtime.random.int(resolved.addresses.length)] as string;
  const connection = connect(runtime, options.from, ip, url.port);
  if (connection.kind !== 'open') {
    const refused = connection.kind === 'refused';
    return fail(
      connection.kind,
      refused ? 'Connection refused' : 'Connection timed out',
      connection.hops,
      ip,
      url.port,
    );
  }

  const { listener } = connection;
  const isTls = listener.kind === 'apiserver';
  if (url.scheme === 'https' && !isTls)
    return fail('tls', 'wrong version number', connection.hops, ip, url.port);
  if (url.scheme === 'https' && !options.insecure)
    return fail('certificate', 'unable to get local issuer certificate', connection.hops, ip, url.port);

  const headers: [string, string][] = options.headers ? [...options.headers] : [];
  if (!headers.some(([n]) => n.toLowerCase() === 'host')) headers.unshift(['Host', url.authority]);
  const request: HttpRequest = {
    method: options.method ?? 'GET',
    target: url.target,
    headers,
    body: options.body ?? '',
    clientIp: connection.clientIp,
    clientPort: connection.clientPort,
    serverIp: listener.ip,
    serverPort: listener.port,
  };
  const response = serve(runtime, listener, request, url.scheme === 'https', depth);
  runtime.emit({ type: 'traffic', from: fromName, path: connection.hops, ok: true });
  return { kind: 'response', ...response, remoteIp: ip, remotePort: url.port, path: connection.hops };
}

function serve(
  runtime: Runtime,
  listener: Listener,
  request: HttpRequest,
  tls: boolean,
  depth: number,
): HttpResponse {
  const now = runtime.clock.now();
  if (listener.kind === 'apiserver') return apiServerAnswer(request, tls, now);
  if (listener.kind === 'outside') return listener.host.serve(request, now);
  const { pod, container, image } = listener;
  const context: AppContext = {
    runtime,
    pod,
    container,
    now,
    fetch(url) {
      if (depth >= MAX_APP_DEPTH) return undefined;
      const from = { kind: 'pod', namespace: pod.metadata.namespace, name: pod.metadata.name } as const;
      const result = requestAt(runtime, { from, url }, depth + 1);
      return result.kind === 'response' ? result : undefined;
    },
  };
  const response = image.serve ? image.serve(request, listener.port, context) : goNotFound(now);
  const line = image.accessLog?.(request, response, context);
  if (line !== undefined)
    runtime.logs.append(pod.metadata.namespace, pod.metadata.name, container.name, now, line);
  return response;
}

/** A Go server's default answer for a path it has no handler for. */
function goNotFound(now: number): HttpResponse {
  const body = '404 page not found\n';
  return {
    status: 404,
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['X-Content-Type-Options', 'nosniff'],
      ['Date', httpDate(now)],
      ['Content-Length', String(byteLength(body))],
    ],
    body,
  };
}

/** kube-apiserver to an anonymous client: plain HTTP is refused, HTTPS gets a 403 Status. */
function apiServerAnswer(request: HttpRequest, tls: boolean, now: number): HttpResponse {
  if (!tls) {
    const body = 'Client sent an HTTP request to an HTTPS server.\n';
    return {
      status: 400,
      headers: [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Connection', 'close'],
      ],
      body,
    };
  }
  const path = request.target.split('?')[0] ?? '/';
  // system:public-info-viewer lets anyone read the version and the health checks.
  if (request.method === 'GET' && ['/healthz', '/livez', '/readyz'].includes(path)) {
    return { status: 200, headers: apiHeaders('text/plain; charset=utf-8', 'ok', now), body: 'ok' };
  }
  if (request.method === 'GET' && path === '/version') {
    const body = `${JSON.stringify(SERVER_VERSION, null, 2)}`;
    return { status: 200, headers: apiHeaders('application/json', body, now), body };
  }
  const verb = request.method === 'GET' ? 'get' : request.method.toLowerCase();
  const body = `${JSON.stringify(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `forbidden: User "system:anonymous" cannot ${verb} path "${path}"`,
      reason: 'Forbidden',
      details: {},
      code: 403,
    },
    null,
    2,
  )}`;
  return { status: 403, headers: apiHeaders('application/json', body, now), body };
}

function apiHeaders(type: string, body: string, now: number): [string, string][] {
  return [
    ['Audit-Id', '6f1f7d0e-1c55-4a77-9d3a-2b1d1b6d2c11'],
    ['Cache-Control', 'no-cache, private'],
    ['Content-Type', type],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Kubernetes-Pf-Flowschema-Uid', '1b3b1c0a-4f5e-4c1d-9a8b-0f6e2d3c4b5a'],
    ['X-Kubernetes-Pf-Prioritylevel-Uid', '9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f'],
    ['Date', httpDate(now)],
    ['Content-Length', String(byteLength(body))],
  ];
}
