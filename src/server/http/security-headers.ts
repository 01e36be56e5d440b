// The headers every response of the site carries (pages, API, static files), and the
// Content-Security-Policy of each: the pages' own from the build (Astro hashes its scripts), a
// policy that allows nothing for the API's JSON, none for scripts and styles (a worker's script
// would take a page policy as its own).

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // For browsers without CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
};

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A page's path as the build names it: `/lessons/nodeport`, `/` (no trailing slash, no index.html). */
function pagePath(pathname: string): string {
  const path = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') : '/';
}

/**
 * `pagePolicies`: each prerendered page's Content-Security-Policy by its path, as the build wrote
 * them. A path the build did not prerender (a page rendered on demand, which Astro gives its own
 * header, or a page that does not exist) gets the 404 page's policy.
 */
export function securityHeadersFor(
  pathname: string,
  pagePolicies: ReadonlyMap<string, string>,
): Record<string, string> {
  if (pathname === '/api' || pathname.startsWith('/api/'))
    return { ...SECURITY_HEADERS, 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY };
  const isFile = /\.[a-z0-9]+$/i.test(pathname) && !pathname.endsWith('.html');
  const policy = isFile ? undefined : (pagePolicies.get(pagePath(pathname)) ?? pagePolicies.get('/404'));
  return policy ? { ...SECURITY_HEADERS, 'Content-Security-Policy': policy } : { ...SECURITY_HEADERS };
}

/** The `_headers.json` that @astrojs/node's `staticHeaders` writes: `[{ pathname, headers: [{ key, value }] }]`. */
export function pagePoliciesFromHeadersFile(json: string): Map<string, string> {
  const entries = JSON.parse(json) as { pathname: string; headers: { key: string; value: string }[] }[];
  const policies = new Map<string, string>();
  for (const { pathname, headers } of entries) {
    const policy = headers.find((header) => header.key.toLowerCase() === 'content-security-policy');
    if (policy) policies.set(pagePath(pathname), policy.value);
  }
  return policies;
}
