/**
 * An httpClient for the official `twilio` SDK that sends every API call to a
 * local server (the stand-in in ./testing/stand-in.ts, or any other loopback
 * mock) instead of https://*.twilio.com.
 *
 * Why a RequestClient subclass: twilio@6.2.0 has no base-URL option. Every
 * resource builds an absolute `https://api.twilio.com/...` URI and hands it to
 * `client.httpClient.request(opts)`; the `httpClient` client option is the only
 * seam. Subclassing keeps the SDK's own serialization, headers, auth and
 * retry/timeout code in the path, so tests exercise what production runs.
 *
 * Facts about twilio@6.2.0 with a custom httpClient (read from
 * node_modules/twilio/lib/base/{BaseTwilio,RequestClient,Version,RestException}.js
 * and checked by test/twilio/stand-in.test.ts):
 *
 * - Getting the class from ESM: `import twilio from 'twilio'` then
 *   `twilio.RequestClient` (and `twilio.RestException`). The package is CJS
 *   (`module.exports = TwilioSDK`) and exposes no named ESM exports.
 *
 * - Client options are ignored once `httpClient` is given: `twilio(sid, token,
 *   { httpClient, timeout, autoRetry, maxRetries })` only uses timeout/
 *   autoRetry/maxRetries/maxRetryDelay to build its *default* RequestClient.
 *   With a custom one they must be passed to the RequestClient constructor,
 *   which is what `createLoopbackHttpClient`'s options do.
 *
 * - Timeout: `new RequestClient({ timeout })` sets `defaultTimeout`
 *   (falsy -> 30000 ms; so 0 does NOT disable it). Resource methods never pass a
 *   per-request timeout, so defaultTimeout applies to every call. It becomes
 *   axios' `timeout`: with maxRedirects 0 (the SDK never follows redirects)
 *   axios 1.x arms a wall-clock timer until response headers arrive, then a
 *   socket-idle timer. On expiry the promise rejects with an AxiosError
 *   (`code: 'ECONNABORTED'`, message `timeout of <n>ms exceeded`), NOT a
 *   RestException, and the request may already have reached Twilio: never
 *   blindly re-send a message after a timeout.
 *   A socket closed by the server rejects with AxiosError `code: 'ECONNRESET'`
 *   (`socket hang up`).
 *
 * - Retries: `autoRetry` (default false) installs an axios response interceptor
 *   that retries ONLY status 429, up to `maxRetries` times (falsy -> 3, so 0
 *   means 3), sleeping a full-jitter random(0, min(maxRetryDelay, 100 * 2^n)) ms
 *   (maxRetryDelay default 3000). It ignores Retry-After. When retries run out,
 *   the last 429 is returned and surfaces as a RestException. Nothing else
 *   (5xx, network errors, timeouts) is retried.
 *
 * - Errors: every HTTP status resolves at the transport level (validateStatus
 *   accepts 100..599); `Version.create` throws for non-2xx, `Version.fetch` for
 *   status < 200 or >= 400. The body is parsed; if it looks like RFC 9457
 *   (type, title: string; status, code: number) a TwilioServiceException is
 *   thrown, else `RestException` with `status` (HTTP status), `code`
 *   (body.code), `moreInfo` (body.more_info), `details` (body.details) and
 *   `message` (body.message; if the body is not JSON:
 *   `[HTTP <status>] Failed to execute request`). Twilio's classic error body
 *   is `{ code, message, more_info, status }`, which maps to RestException.
 *
 * - Form bodies: `qs.stringify(data, { arrayFormat: 'repeat' })`, so
 *   `mediaUrl: [a, b]` is sent as `MediaUrl=a&MediaUrl=b`; booleans become
 *   'true'/'false'; Date params are pre-serialized by the resource
 *   (`sendAt` -> `YYYY-MM-DDTHH:mm:ssZ` in UTC, date-only params -> `YYYY-MM-DD`).
 *   GET query params use the same repeat format. Response dates
 *   (`date_created` etc.) are RFC 2822 strings `ddd, DD MMM YYYY HH:mm:ss +0000`
 *   turned into Date objects.
 *
 * - Secrets: a transport error (timeout, reset) is an AxiosError (`isAxiosError`;
 *   `name` is 'AxiosError' for a timeout but 'Error' for a reset) whose `config`
 *   (Authorization header; agents -> sockets -> raw request head) and `request`
 *   carry `Basic base64(sid:token)`. Test runners print such errors in full, so
 *   this client redacts them before rethrowing (see `redactTransportError`).
 *   RestException carries no credentials.
 */
import http from 'node:http';
import https from 'node:https';
// A static import (unlike the adapters, which load the SDK lazily): the class
// below extends twilio.RequestClient, so the SDK must be loaded to define it.
// This module is test/dev infrastructure and never on a production hot path.
import twilio from 'twilio';
// Type-only deep import: the SDK's index re-exports the class but not its
// option interfaces. Erased at runtime, so no extra module is loaded.
import type RequestClientModule from 'twilio/lib/base/RequestClient.js';
import { redactTransportError } from './redact.js';

// Kept in ./redact.js (which does not load the SDK) so the adapters can use it too; re-exported
// here for existing callers.
export { redactTransportError };

export interface LoopbackHttpClientOptions {
  /** Retry 429 responses inside the SDK (its only retry). Default false. */
  autoRetry?: boolean;
  /** Retries per request when autoRetry is on. The SDK treats 0 as 3. */
  maxRetries?: number;
  /** Cap of the SDK's jittered backoff between 429 retries. SDK default 3000. */
  maxRetryDelayMs?: number;
  /** Client-side timeout for every request. SDK default 30000; 0 means default. */
  timeoutMs?: number;
}

type RequestOptions<TData> = RequestClientModule.RequestOptions<TData>;

// `https://api.twilio.com`, `https://messaging.twilio.com`,
// `https://api.sydney.us1.twilio.com:443` (edge/region), `https://twilio.com`.
const TWILIO_ORIGIN = /^https:\/\/(?:[^/?#@]+\.)?twilio\.com(?::\d+)?(?=[/?#]|$)/i;

/**
 * Rewrites Twilio URIs onto `baseUrl` and otherwise behaves like the SDK's own
 * RequestClient. Exported for `instanceof` checks; build it with
 * `createLoopbackHttpClient`.
 */
export class LoopbackRequestClient extends twilio.RequestClient {
  readonly baseUrl: string;

  constructor(baseUrl: string, options: LoopbackHttpClientOptions = {}) {
    super({
      autoRetry: options.autoRetry ?? false,
      maxRetries: options.maxRetries,
      maxRetryDelay: options.maxRetryDelayMs,
      timeout: options.timeoutMs,
    });
    this.baseUrl = normalizeBaseUrl(baseUrl);
    // The parent only configures an https agent (keep-alive + socket timeout).
    // A loopback URL is usually plain http, so give axios the matching http
    // agent; otherwise Node's global agent would be used with other settings.
    const agentOptions = { keepAlive: this.keepAlive, timeout: this.defaultTimeout };
    this.axios.defaults.httpAgent = new http.Agent(agentOptions);
    if (this.baseUrl.startsWith('https:')) {
      this.axios.defaults.httpsAgent = new https.Agent(agentOptions);
    }
  }

  /** `https://<x>.twilio.com/path?query` -> `<baseUrl>/path?query`. */
  rewriteUri(uri: string): string {
    const match = TWILIO_ORIGIN.exec(uri);
    if (!match) {
      // Refuse rather than pass through: a test must never reach a real host.
      throw new Error(`loopback http client: refusing non-Twilio URI ${safeOrigin(uri)}`);
    }
    const rest = uri.slice(match[0].length);
    return this.baseUrl + (rest.startsWith('/') || rest === '' ? rest : `/${rest}`);
  }

  override async request<TData>(opts: RequestOptions<TData>) {
    // The host the SDK meant travels in x-forwarded-host (as with the runtime's redirectFetch), so a
    // stand-in can record, and a contract check verify, which Twilio API the request was for.
    const uri = this.rewriteUri(opts.uri);
    const rewritten = { ...opts, uri, headers: { ...opts.headers, 'x-forwarded-host': new URL(opts.uri).host } };
    try {
      return await super.request<TData>(rewritten);
    } catch (error) {
      throw redactTransportError(error);
    }
  }
}

/**
 * Build the httpClient to pass as `twilio(accountSid, authToken, { httpClient })`.
 * Retry and timeout options live here because the SDK ignores its own client
 * options once a custom httpClient is given.
 */
export function createLoopbackHttpClient(
  baseUrl: string,
  options: LoopbackHttpClientOptions = {},
): LoopbackRequestClient {
  return new LoopbackRequestClient(baseUrl, options);
}

function normalizeBaseUrl(baseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`loopback http client: baseUrl is not an absolute URL: ${baseUrl}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`loopback http client: baseUrl must be http(s), got ${parsed.protocol}`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error('loopback http client: baseUrl must not carry a query, fragment or credentials');
  }
  // Keep an optional path prefix (e.g. a mock mounted under /twilio), drop the trailing slash
  // so that joining with the SDK's absolute path never doubles it.
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

function safeOrigin(uri: string): string {
  try {
    return new URL(uri).origin;
  } catch {
    return '(unparsable URI)';
  }
}
