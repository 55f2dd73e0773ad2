/**
 * A `node:http` or Express request as a web-standard `Request`, for the `handleWebhook` of any
 * adapter: webhook handlers take the `Request` that Next.js, Hono, Remix, Bun and Deno hand over,
 * and this is the bridge for servers that hand over an IncomingMessage instead.
 */
import type { IncomingMessage } from 'node:http';

export interface ToWebRequestOptions {
  /**
   * The public origin the provider called, e.g. `https://hooks.example.com`, when this server sits
   * behind a proxy. Default: http or https (from the socket) + the Host header. The path and
   * query always come from the request (`originalUrl` under Express routers).
   */
  readonly origin?: string;
}

/** Node/Express request shapes toWebRequest understands. */
export type NodeRequest = IncomingMessage & { readonly body?: unknown; readonly originalUrl?: string };

// Hop-by-hop and framing headers describe the original connection, not the rebuilt request.
const SKIPPED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'expect', 'proxy-connection', 'te', 'trailer', 'host']);

/**
 * Adapts a `node:http` / Express request to a web `Request` for `handleWebhook`.
 *
 * The body: `body` when given (the raw string/Buffer, or a parsed form object), else Express's
 * `req.body` when a body parser ran, else the request stream itself (not yet read). With
 * Express, use `express.urlencoded({ extended: false })` or `express.raw()`/`express.text()`:
 * the extended (qs) parser turns `a[b]=c` into nested objects that no longer match what the
 * provider signed.
 */
export function toWebRequest(req: NodeRequest, body?: string | Uint8Array | Readonly<Record<string, unknown>>, options: ToWebRequestOptions = {}): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || SKIPPED_HEADERS.has(name) || value === undefined) continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    } catch {
      // A header value Headers refuses is dropped; a signature check needs only the provider's own header.
    }
  }
  const url = requestUrl(req, options);
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const source = body ?? req.body;
    if (typeof source === 'string' || source instanceof Uint8Array) {
      init.body = typeof source === 'string' ? source : new Uint8Array(source);
    } else if (source !== undefined && source !== null && typeof source === 'object') {
      init.body = encodeForm(source as Record<string, unknown>);
      headers.set('content-type', 'application/x-www-form-urlencoded');
    } else if (!req.readableEnded) {
      init.body = streamOf(req);
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

function requestUrl(req: NodeRequest, options: ToWebRequestOptions): string {
  const path = req.originalUrl ?? req.url ?? '/';
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const origin = options.origin?.replace(/\/+$/, '') ?? `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  try {
    return new URL(path.startsWith('/') ? `${origin}${path}` : `${origin}/${path}`).href;
  } catch {
    return new URL(path.startsWith('/') ? path : `/${path}`, 'http://localhost').href;
  }
}

function encodeForm(source: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(source)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      params.append(key, typeof item === 'string' ? item : String(item));
    }
  }
  return params.toString();
}

function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer | string) => controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)));
      req.on('end', () => controller.close());
      req.on('error', (error) => controller.error(error));
    },
    cancel() {
      req.destroy();
    },
  });
}
