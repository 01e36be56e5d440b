// The built server's entry (dist/server/entry.mjs): @astrojs/node's standalone server, unchanged,
// with the security headers of src/server/http/security-headers.ts set on every response before the
// adapter answers (its static files never pass through Astro's middleware). Headers the adapter or
// a page sets itself win over these.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { autostart } from './autostart-off.ts';
import { handler as astroHandler, options, startServer } from '@astrojs/node/server.js';
import { pagePoliciesFromHeadersFile, securityHeadersFor } from '../http/security-headers.ts';

// Written by the build beside dist/server (astro.config.mjs: the adapter's staticHeaders).
const headersFile = new URL('../_headers.json', import.meta.url);
const pagePolicies = existsSync(headersFile)
  ? pagePoliciesFromHeadersFile(readFileSync(headersFile, 'utf8'))
  : new Map<string, string>();

function setSecurityHeaders(request: IncomingMessage, response: ServerResponse): void {
  const pathname = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
  for (const [name, value] of Object.entries(securityHeadersFor(pathname, pagePolicies)))
    response.setHeader(name, value);
}

/** For `astro preview` and for embedding: the adapter's handler with the headers. */
export function handler(request: IncomingMessage, response: ServerResponse): void | Promise<void> {
  setSecurityHeaders(request, response);
  return astroHandler(request, response);
}

export { options };

if (autostart) startServer().server.server.prependListener('request', setSecurityHeaders);
