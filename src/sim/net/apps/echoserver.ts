/**
 * `registry.k8s.io/echoserver:1.10`: echoes the request back, `client_address=` included, which
 * is how the Source IP tutorial shows what SNAT does to a NodePort request.
 */
import type { ImageSpec } from '../images.ts';
import { accessLogTime, header, httpDate } from '../http-types.ts';
import { BUSYBOX } from './toolsets.ts';

export const ECHOSERVER: ImageSpec = {
  names: ['registry.k8s.io/echoserver', 'k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver'],
  listens: [8080],
  serve(request, port, context) {
    const [path = '/', query = ''] = request.target.split('?');
    const host = header(request, 'Host') ?? `${request.serverIp}:${port}`;
    const headers = [...request.headers]
      .map(([n, v]) => [n.toLowerCase(), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n, v]) => `\t${n}=${v}`)
      .join('\n');
    const body = [
      '',
      '',
      `Hostname: ${context.pod.metadata.name}`,
      '',
      'Pod Information:',
      '\t-no pod information available-',
      '',
      'Server values:',
      '\tserver_version=nginx: 1.13.3 - lua: 10008',
      '',
      'Request Information:',
      `\tclient_address=${request.clientIp}`,
      `\tmethod=${request.method}`,
      `\treal path=${path}`,
      `\tquery=${query}`,
      '\trequest_version=1.1',
      `\trequest_scheme=http`,
      `\trequest_uri=http://${host}${request.target}`,
      '',
      'Request Headers:',
      headers,
      '',
      'Request Body:',
      request.body ? request.body : '\t-no body in request-',
      '',
      '',
    ].join('\n');
    return {
      status: 200,
      headers: [
        ['Date', httpDate(context.now)],
        ['Content-Type', 'text/plain'],
        ['Transfer-Encoding', 'chunked'],
        ['Connection', 'keep-alive'],
        ['Server', 'echoserver'],
      ],
      body,
    };
  },
  accessLog: (request, response, context) =>
    `${request.clientIp} - - [${accessLogTime(context.now)}] "${request.method} ${request.target} HTTP/1.1" ${response.status} ${response.body.length} "-" "${header(request, 'User-Agent') ?? '-'}"`,
  startup: () => [
    'Generating self-signed cert',
    'Generating a 2048 bit RSA private key',
    '..+++',
    '.....+++',
    "writing new private key to '/certs/privateKey.key'",
    '-----',
    'Starting nginx',
  ],
  executables: [...BUSYBOX.filter((t) => t !== 'wget' && t !== 'nslookup' && t !== 'ping'), 'nginx'],
  shell: 'dash',
};
