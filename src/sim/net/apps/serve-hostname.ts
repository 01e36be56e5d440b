/** `registry.k8s.io/serve_hostname`: answers with its pod's name on 9376 (the Services tutorial's app). */
import type { ImageSpec } from '../images.ts';
import { byteLength, httpDate } from '../http-types.ts';

export const SERVE_HOSTNAME: ImageSpec = {
  names: [
    'registry.k8s.io/serve_hostname',
    'k8s.gcr.io/serve_hostname',
    'gcr.io/google_containers/serve_hostname',
  ],
  listens: [9376],
  serve(_request, _port, context) {
    const body = context.pod.metadata.name;
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
  startup: () => ['Serving on port 9376.'],
  executables: ['serve_hostname'],
};
