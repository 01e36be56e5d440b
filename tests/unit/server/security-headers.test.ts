import { describe, expect, it } from 'vitest';
import {
  API_CONTENT_SECURITY_POLICY,
  pagePoliciesFromHeadersFile,
  securityHeadersFor,
} from '../../../src/server/http/security-headers.ts';
import { readServerConfig } from '../../../src/server/config.ts';

// As @astrojs/node's staticHeaders writes it: paths without their trailing slash.
const headersFile = JSON.stringify([
  { pathname: '/404', headers: [{ key: 'Content-Security-Policy', value: 'policy-of-404' }] },
  {
    pathname: '/lessons/nodeport',
    headers: [{ key: 'Content-Security-Policy', value: 'policy-of-nodeport' }],
  },
  { pathname: '/', headers: [{ key: 'Content-Security-Policy', value: 'policy-of-home' }] },
]);
const policies = pagePoliciesFromHeadersFile(headersFile);
const policyOf = (path: string) => securityHeadersFor(path, policies)['Content-Security-Policy'];

describe('security headers', () => {
  it('are on every response: pages, API and static files', () => {
    for (const path of ['/', '/lessons/nodeport/', '/api/exercises', '/_astro/sim.js', '/favicon.svg']) {
      expect(securityHeadersFor(path, policies)).toMatchObject({
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'X-Frame-Options': 'DENY',
      });
    }
  });

  it('give each page the policy the build wrote for it, however its URL is spelled', () => {
    expect(policyOf('/lessons/nodeport/')).toBe('policy-of-nodeport');
    expect(policyOf('/lessons/nodeport')).toBe('policy-of-nodeport');
    expect(policyOf('/lessons/nodeport/index.html')).toBe('policy-of-nodeport');
    expect(policyOf('/')).toBe('policy-of-home');
    // Not prerendered: the 404 page's (a page rendered on demand gets Astro's own header over it).
    expect(policyOf('/no/such/page/')).toBe('policy-of-404');
  });

  it('give the API a policy that allows nothing, and scripts and styles none', () => {
    expect(policyOf('/api/lessons/nodeport/comments')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(API_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    // A module worker's script takes the policy of its own response: a page's would break it.
    expect(policyOf('/_astro/yaml.worker-ER6NXyYa.js')).toBeUndefined();
    expect(policyOf('/pagefind/pagefind-ui.css')).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless set to true, and refuses anything else with a clear message', () => {
    expect(readServerConfig({}).trustProxy).toBe(false);
    expect(readServerConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readServerConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => readServerConfig({ TRUST_PROXY: 'yes' })).toThrow(
      'TRUST_PROXY must be "true" or "false", not "yes".',
    );
  });
});
