/** google-samples `hello-app` (GKE's quickstart): "Hello, world!", its version and hostname on $PORT or 8080. */
import type { ImageSpec } from '../images.ts';
import { byteLength, goLogTime, httpDate } from '../http-types.ts';
import { BUSYBOX } from './toolsets.ts';

function port(env: { name: string; value?: string }[] | undefined): number {
  const value = Number(env?.find((e) => e.name === 'PORT')?.value);
  return Number.isInteger(value) && value > 0 ? value : 8080;
}

/** The tag decides the version line: hello-app:1.0 says 1.0.0, hello-app:2.0 says 2.0.0. */
function version(image: string | undefined): string {
  const tag = /:(\d+)\.(\d+)$/.exec(image ?? '');
  return tag ? `${tag[1]}.${tag[2]}.0` : '1.0.0';
}

export const HELLO_APP: ImageSpec = {
  names: ['gcr.io/google-samples/hello-app', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
  listens: [8080],
  ports: (container) => [port(container.env)],
  serve(_request, _port, context) {
    const body = `Hello, world!\nVersion: ${version(context.container.image)}\nHostname: ${context.pod.metadata.name}\n`;
    return {
      status: 200,
      headers: [
        ['Date', httpDate(context.now)],
        ['Content-Length', String(byteLength(body))],
        ['Content-Type', 'text/plain; charset=utf-8'],
      ],
      body,
    };
  },
  accessLog: (request, _response, context) =>
    `${goLogTime(context.now)} Serving request: ${request.target.split('?')[0]}`,
  startup: ({ container, now }) => [`${goLogTime(now)} Server listening on port ${port(container.env)}`],
  executables: [...BUSYBOX, 'hello-app'],
  shell: 'ash',
};
