/** The official `nginx` image (Debian based): the welcome page on port 80, combined access log. */
import type { ImageSpec } from '../images.ts';
import {
  accessLogTime,
  byteLength,
  goLogTime,
  header,
  httpDate,
  type HttpRequest,
  type HttpResponse,
} from '../http-types.ts';
import { DEBIAN, PATH_DEFAULT } from './toolsets.ts';

export const NGINX_VERSION = '1.29.3';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's own error page, as `return 404` or a missing file produces it. */
export function nginxErrorPage(status: number, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
}

export function nginxResponse(
  status: number,
  body: string,
  now: number,
  extra: [string, string][] = [],
): HttpResponse {
  return {
    status,
    headers: [
      ['Server', `nginx/${NGINX_VERSION}`],
      ['Date', httpDate(now)],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(byteLength(body))],
      ...extra,
      ['Connection', 'keep-alive'],
    ],
    body,
  };
}

/** The `main` log format of the image's nginx.conf. */
export function nginxAccessLog(request: HttpRequest, response: HttpResponse, now: number): string {
  const sent = response.headers.find(([n]) => n === 'Content-Length')?.[1] ?? '0';
  const bytes = request.method === 'HEAD' ? '0' : sent;
  return `${request.clientIp} - - [${accessLogTime(now)}] "${request.method} ${request.target} HTTP/1.1" ${response.status} ${bytes} "${header(request, 'Referer') ?? '-'}" "${header(request, 'User-Agent') ?? '-'}" "${header(request, 'X-Forwarded-For') ?? '-'}"`;
}

export function nginxStartup(now: number): string[] {
  const t = goLogTime(now);
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/${NGINX_VERSION}`,
    `${t} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) `,
    `${t} [notice] 1#1: OS: Linux 6.8.0-87-generic`,
    `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t} [notice] 1#1: start worker processes`,
    `${t} [notice] 1#1: start worker process 29`,
    `${t} [notice] 1#1: start worker process 30`,
  ];
}

export const NGINX_ENV: readonly (readonly [string, string])[] = [
  ['PATH', PATH_DEFAULT],
  ['NGINX_VERSION', NGINX_VERSION],
  ['NJS_VERSION', '0.9.4'],
  ['NJS_RELEASE', '1~trixie'],
  ['PKG_RELEASE', '1~trixie'],
  ['DYNPKG_RELEASE', '1~trixie'],
];

export const NGINX: ImageSpec = {
  names: ['nginx', 'nginxinc/nginx-unprivileged'],
  listens: [80],
  serve(request, _port, context) {
    const path = request.target.split('?')[0] ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return nginxResponse(405, nginxErrorPage(405, 'Not Allowed'), context.now);
    }
    if (path === '/' || path === '/index.html') {
      return nginxResponse(200, NGINX_WELCOME, context.now, [
        ['Last-Modified', 'Tue, 28 Oct 2025 12:05:10 GMT'],
        ['ETag', '"6900b176-267"'],
        ['Accept-Ranges', 'bytes'],
      ]);
    }
    return nginxResponse(404, nginxErrorPage(404, 'Not Found'), context.now);
  },
  accessLog: (request, response, context) => nginxAccessLog(request, response, context.now),
  startup: ({ now }) => nginxStartup(now),
  executables: [...DEBIAN, 'curl', 'nginx'],
  shell: 'dash',
  env: NGINX_ENV,
};
