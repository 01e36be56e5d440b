/**
 * HTTP as the simulated apps see it: one request in, one response out. The network model
 * (kube-proxy, DNS) decides which container gets the request; the image's app decides the answer.
 */
import type { Container, Pod } from '../api/types.ts';
import type { Runtime } from '../runtime.ts';

export interface HttpRequest {
  method: string;
  /** Path with the query string, as on the request line: `/healthz?x=1`. */
  target: string;
  /** Header names as the client sent them, in order. */
  headers: [string, string][];
  body: string;
  /** The address the app sees the connection come from (after any SNAT). */
  clientIp: string;
  clientPort: number;
  /** The pod's address and the port the app accepted on. */
  serverIp: string;
  serverPort: number;
}

export interface HttpResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/** What an app knows when it serves: which pod and container it runs in, and the time. */
export interface AppContext {
  runtime: Runtime;
  pod: Pod & { metadata: { name: string; namespace?: string } };
  container: Container;
  /** Virtual time of the request, in ms. */
  now: number;
  /** Make a request from inside this pod (a frontend calling its backend). */
  fetch(url: string): HttpResponse | undefined;
}

export function header(request: Pick<HttpRequest, 'headers'>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return request.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** A header as a client's option gives it (`-H 'Name: value'`); undefined without a name. */
export function headerField(text: string): [string, string] | undefined {
  const colon = text.indexOf(':');
  return colon > 0 ? [text.slice(0, colon).trim(), text.slice(colon + 1).trim()] : undefined;
}

/** The reason phrase servers send after the status code. */
export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `Mon, 05 Jan 2026 09:10:00 GMT`, the Date header. */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

/** `05/Jan/2026:09:10:00 +0000`, the time in nginx and Apache access logs. */
export function accessLogTime(ms: number): string {
  const date = new Date(ms);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${month}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** `2026/01/05 09:10:00`, the time Go's log package and nginx's error log print. */
export function goLogTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
