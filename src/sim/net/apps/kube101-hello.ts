/**
 * `kube101/hello`, the course's own app: listens on 300 and 301 (the lesson's target ports) and
 * answers with its pod's name and the port, so a learner sees which pod and port a request reached.
 */
import type { ImageSpec } from '../images.ts';
import { byteLength, goLogTime, header, httpDate } from '../http-types.ts';
import { BUSYBOX } from './toolsets.ts';

export const KUBE101_HELLO: ImageSpec = {
  names: ['kube101/hello', 'ghcr.io/kube101/hello'],
  listens: [300, 301],
  serve(_request, port, context) {
    const body = `Hello from ${context.pod.metadata.name} on port ${port}\n`;
    return {
      status: 200,
      headers: [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Date', httpDate(context.now)],
        ['Content-Length', String(byteLength(body))],
      ],
      body,
    };
  },
  accessLog: (request, response, context) =>
    `${goLogTime(context.now)} ${request.clientIp}:${request.clientPort} -> :${request.serverPort} "${request.method} ${request.target}" ${response.status} "${header(request, 'User-Agent') ?? '-'}"`,
  startup: ({ now }) => [`${goLogTime(now)} listening on :300`, `${goLogTime(now)} listening on :301`],
  executables: [...BUSYBOX, 'hello'],
  shell: 'ash',
};
