/**
 * Machines outside the cluster that its pods can reach: a database VM on the nodes' network, the
 * kind of backend a Service without a selector points at with a hand-written EndpointSlice.
 * Pods reach it through their node (SNAT to the node's IP); the workstation, on the same LAN,
 * reaches it directly.
 */
import type { HttpRequest, HttpResponse } from './http-types.ts';
import { byteLength, httpDate } from './http-types.ts';

export interface OutsideHost {
  name: string;
  ip: string;
  /** TCP ports something listens on. */
  listens: readonly number[];
  serve(request: HttpRequest, now: number): HttpResponse;
}

/** CouchDB 3.2.2's answer to `GET /` (couch_httpd_misc_handlers: the welcome object). */
const COUCHDB_WELCOME =
  '{"couchdb":"Welcome","version":"3.2.2","git_sha":"d5b746b7c","uuid":"5e3ccc9fd986f473f182ce246c1e214c","features":["access-ready","partitioned","pluggable-storage-engines","reshard","scheduler"],"vendor":{"name":"The Apache Software Foundation"}}\n';
const COUCHDB_NOT_FOUND = '{"error":"not_found","reason":"Database does not exist."}\n';

/** An Apache CouchDB VM, the course's "database outside the cluster". */
export const DATABASE_VM: OutsideHost = {
  name: 'db-vm',
  ip: '192.168.49.50',
  listens: [5984],
  serve(request, now) {
    const path = request.target.split('?')[0];
    const found = path === '/';
    const body = found ? COUCHDB_WELCOME : COUCHDB_NOT_FOUND;
    return {
      status: found ? 200 : 404,
      headers: [
        ['Cache-Control', 'must-revalidate'],
        ['Content-Length', String(byteLength(body))],
        ['Content-Type', 'application/json'],
        ['Date', httpDate(now)],
        ['Server', 'CouchDB/3.2.2 (Erlang OTP/23)'],
        ['X-Couch-Request-ID', 'c0ffee1d2e'],
        ['X-CouchDB-Body-Time', '0'],
      ],
      body,
    };
  },
};

export const OUTSIDE_HOSTS: readonly OutsideHost[] = [DATABASE_VM];

export function outsideHostByIp(ip: string): OutsideHost | undefined {
  return OUTSIDE_HOSTS.find((host) => host.ip === ip);
}
