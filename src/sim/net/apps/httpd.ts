/** The official `httpd` image: Apache's "It works!" on port 80, common log format. */
import type { ImageSpec } from '../images.ts';
import { accessLogTime, byteLength, httpDate } from '../http-types.ts';
import { DEBIAN } from './toolsets.ts';

const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';
const NOT_FOUND = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

function apacheTime(ms: number): string {
  const date = new Date(ms);
  const day = date.toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' });
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${day} ${month} ${String(date.getUTCDate()).padStart(2, '0')} ${date.toISOString().slice(11, 19)}.${String(ms % 1000).padStart(3, '0')}000 ${date.getUTCFullYear()}`;
}

export const HTTPD: ImageSpec = {
  names: ['httpd'],
  listens: [80],
  serve(request, _port, context) {
    const path = request.target.split('?')[0] ?? '/';
    const found = path === '/' || path === '/index.html';
    const body = found ? IT_WORKS : NOT_FOUND;
    return {
      status: found ? 200 : 404,
      headers: [
        ['Date', httpDate(context.now)],
        ['Server', 'Apache/2.4.66 (Unix)'],
        ...(found
          ? ([
              ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
              ['ETag', '"2d-432a5e4a73a80"'],
              ['Accept-Ranges', 'bytes'],
            ] as [string, string][])
          : []),
        ['Content-Length', String(byteLength(body))],
        ['Content-Type', found ? 'text/html' : 'text/html; charset=iso-8859-1'],
      ],
      body,
    };
  },
  accessLog: (request, response, context) =>
    `${request.clientIp} - - [${accessLogTime(context.now)}] "${request.method} ${request.target} HTTP/1.1" ${response.status} ${request.method === 'HEAD' ? '-' : byteLength(response.body)}`,
  startup: ({ pod, now }) => {
    const ip = (pod.status?.podIP as string | undefined) ?? '10.244.1.2';
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
    return [
      fqdn,
      fqdn,
      `[${apacheTime(now)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.66 (Unix) configured -- resuming normal operations`,
      `[${apacheTime(now)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
    ];
  },
  executables: [...DEBIAN, 'httpd', 'apachectl'],
  shell: 'dash',
  env: [
    ['PATH', '/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HTTPD_PREFIX', '/usr/local/apache2'],
    ['HTTPD_VERSION', '2.4.66'],
  ],
};
