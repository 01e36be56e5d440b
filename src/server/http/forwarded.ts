// Behind a proxy that terminates TLS, the server sees plain http; the proxy says what the browser
// used in X-Forwarded-Proto. Anyone can send that header, so it is read only when the operator says
// a proxy that sets it stands in front (TRUST_PROXY=true).

/** The request with the scheme the browser used: its cookies get `Secure`, its Origin matches. */
export function asSentByBrowser(request: Request, trustProxy: boolean): Request {
  if (!trustProxy) return request;
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const url = new URL(request.url);
  if (forwarded !== 'https' || url.protocol === 'https:') return request;
  url.protocol = 'https:';
  return new Request(url, request);
}
