/**
 * `gcr.io/google-samples/hello-frontend`: nginx on 80 proxying to the Service named `hello`, as in
 * "Connect a Frontend to a Backend Using Services"; without that Service nginx answers 502.
 */
import type { ImageSpec } from '../images.ts';
import { NGINX, nginxErrorPage, nginxResponse } from './nginx.ts';

export const HELLO_FRONTEND: ImageSpec = {
  ...NGINX,
  names: ['gcr.io/google-samples/hello-frontend'],
  serve(request, _port, context) {
    const backend = context.fetch(`http://hello${request.target}`);
    if (!backend) return nginxResponse(502, nginxErrorPage(502, 'Bad Gateway'), context.now);
    const response = nginxResponse(backend.status, backend.body, context.now);
    const type = backend.headers.find(([name]) => name === 'Content-Type')?.[1];
    return {
      ...response,
      headers: response.headers.map(([n, v]) => [n, n === 'Content-Type' && type ? type : v]),
    };
  },
};
