/** `kubernetes-bootcamp:v1`, the app of the Kubernetes Basics tutorial (Node.js on 8080). */
import type { ImageSpec } from '../images.ts';
import { httpDate } from '../http-types.ts';
import { DEBIAN } from './toolsets.ts';

export const KUBERNETES_BOOTCAMP: ImageSpec = {
  names: ['gcr.io/google-samples/kubernetes-bootcamp', 'jocatalin/kubernetes-bootcamp'],
  listens: [8080],
  serve(_request, _port, context) {
    const tag = /:v(\d+)$/.exec(context.container.image ?? '')?.[1] ?? '1';
    const body = `Hello Kubernetes bootcamp! | Running on: ${context.pod.metadata.name} | v=${tag}\n`;
    return {
      status: 200,
      headers: [
        ['Content-Type', 'text/plain'],
        ['Date', httpDate(context.now)],
        ['Connection', 'keep-alive'],
        ['Transfer-Encoding', 'chunked'],
      ],
      body,
    };
  },
  accessLog: (_request, _response, context) => {
    const started = Date.parse(
      (context.pod.status?.startTime as string | undefined) ?? new Date(context.now).toISOString(),
    );
    const uptime = ((context.now - started) / 1000).toFixed(3);
    return `Running On: ${context.pod.metadata.name} | Total Requests: 1 | App Uptime: ${uptime} seconds | Log Time: ${new Date(context.now).toISOString()}`;
  },
  startup: ({ pod, now }) => [
    `Kubernetes Bootcamp App Started At: ${new Date(now).toISOString()} | Running On:  ${pod.metadata.name} `,
    '',
  ],
  executables: [...DEBIAN, 'curl', 'wget', 'node'],
  shell: 'dash',
};
