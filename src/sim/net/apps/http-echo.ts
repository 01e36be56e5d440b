/** `hashicorp/http-echo`: answers every request with its `-text` on `-listen` (default :5678). */
import type { Container } from '../../api/types.ts';
import type { ImageSpec } from '../images.ts';
import { byteLength, goLogTime, header, httpDate } from '../http-types.ts';

/** `-text=hello`, `-text hello`, `--text=hello`: Go's flag package accepts them all. */
function flag(container: Container, name: string): string | undefined {
  const args = [...(container.command ?? []), ...(container.args ?? [])];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const match = new RegExp(`^--?${name}(?:=(.*))?$`).exec(arg);
    if (match) return match[1] ?? args[i + 1];
  }
  return undefined;
}

function listenPort(container: Container): number {
  const listen = flag(container, 'listen') ?? container.env?.find((e) => e.name === 'ECHO_LISTEN')?.value;
  const port = Number(listen?.split(':').pop());
  return Number.isInteger(port) && port > 0 ? port : 5678;
}

export const HTTP_ECHO: ImageSpec = {
  names: ['hashicorp/http-echo'],
  listens: [5678],
  ports: (container) => [listenPort(container)],
  serve(request, _port, context) {
    const path = request.target.split('?')[0];
    const text =
      path === '/health'
        ? '{"status":"ok"}'
        : (flag(context.container, 'text') ??
          context.container.env?.find((e) => e.name === 'ECHO_TEXT')?.value ??
          '');
    const body = `${text}\n`;
    return {
      status: 200,
      headers: [
        ['X-App-Name', 'http-echo'],
        ['X-App-Version', '1.0.0'],
        ['Date', httpDate(context.now)],
        ['Content-Length', String(byteLength(body))],
        ['Content-Type', 'text/plain; charset=utf-8'],
      ],
      body,
    };
  },
  accessLog: (request, response, context) =>
    `${goLogTime(context.now)} ${request.serverIp}:${request.serverPort} ${request.clientIp}:${request.clientPort} "${request.method} ${request.target} HTTP/1.1" ${response.status} ${byteLength(response.body)} "${header(request, 'User-Agent') ?? ''}" 31.2µs`,
  startup: ({ container, now }) => [
    `${goLogTime(now)} [INFO] server is listening on :${listenPort(container)}`,
  ],
  executables: ['http-echo'],
};
