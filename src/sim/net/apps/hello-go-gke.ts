/** `gcr.io/google-samples/hello-go-gke`: the backend of "Connect a Frontend to a Backend" (JSON on 80). */
import type { ImageSpec } from '../images.ts';
import { byteLength, goLogTime, httpDate } from '../http-types.ts';

export const HELLO_GO_GKE: ImageSpec = {
  names: ['gcr.io/google-samples/hello-go-gke'],
  listens: [80],
  serve(_request, _port, context) {
    const body = '{"message":"Hello"}\n';
    return {
      status: 200,
      headers: [
        ['Content-Type', 'application/json'],
        ['Date', httpDate(context.now)],
        ['Content-Length', String(byteLength(body))],
      ],
      body,
    };
  },
  accessLog: (request, _response, context) => `${goLogTime(context.now)} ${request.method} ${request.target}`,
  startup: ({ now }) => [`${goLogTime(now)} Listening on :80`],
  executables: ['hello'],
};
