/**
 * A fetch that sends requests meant for a provider's https origins to local servers instead: how a
 * client reaches a test double's listener or a stand-in without a base-URL option (pass it as the
 * client option `http: { fetch }`). The original host travels in `x-forwarded-host`, so a local
 * server can check that each request went to the right host. A request for any other origin is
 * refused: a test never reaches the real provider by mistake.
 */
export function redirectFetch(routes: Readonly<Record<string, string>>, baseFetch: typeof fetch = globalThis.fetch): typeof fetch {
  const targets = new Map(Object.entries(routes).map(([from, to]) => [new URL(from).origin, to.replace(/\/+$/, '')]));
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const target = targets.get(url.origin);
    if (target === undefined) throw new TypeError(`redirectFetch: no local server for ${url.origin}`);
    const headers = new Headers(request.headers);
    headers.set('x-forwarded-host', url.host);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return baseFetch(`${target}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      redirect: request.redirect,
      signal: request.signal,
      ...(body !== undefined && { body }),
    });
  };
}
