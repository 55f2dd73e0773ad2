/**
 * The SDK's HTTP client, instrumented per call. The SDK's resource methods take no AbortSignal,
 * and its exceptions drop the response headers (Retry-After matters on a 429). Each call runs
 * inside an AsyncLocalStorage scope that holds the attempt's signal, which an axios request
 * interceptor on the RequestClient reads, so a kernel timeout or a caller's abort cancels the
 * HTTP request itself (an already-aborted signal sends nothing; an httpClient without an axios
 * instance is still outrun by the kernel's timeout, and its late result ignored). The same scope
 * keeps the status, headers and body of the call's HTTP response.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProviderResponse } from '@contractgen/runtime';
// Type-only imports of the SDK: erased at runtime, so they load nothing.
import type TwilioSdk from 'twilio';
import type RequestClientModule from 'twilio/lib/base/RequestClient.js';

type TwilioHttpClient = TwilioSdk.RequestClient;

/** Per-call state, visible to the instrumented httpClient through AsyncLocalStorage. */
export interface CallScope {
  readonly signal?: AbortSignal;
  /** The call's HTTP response as the transport gave it (`body`: the raw text, or what the httpClient parsed). */
  response?: { readonly statusCode: number; readonly headers: unknown; readonly body: unknown };
}

const callScope = new AsyncLocalStorage<CallScope>();
const instrumentedAxios = new WeakSet<object>();

/** Runs one SDK call in `scope`: its HTTP request sees the signal and leaves its response there. */
export function runInCallScope<T>(scope: CallScope, run: () => Promise<T>): Promise<T> {
  return callScope.run(scope, run);
}

interface AxiosLike {
  interceptors?: { request?: { use: (onFulfilled: (config: { signal?: unknown }) => unknown) => unknown } };
}

/**
 * Wraps an httpClient so each request (a) carries the current call's AbortSignal and (b) leaves
 * its status, headers and body in the call scope. The original client is not modified apart from one
 * request interceptor on its axios instance, which does nothing outside an adapter call.
 */
export function instrument(client: TwilioHttpClient): TwilioHttpClient {
  const axios = (client as unknown as { axios?: AxiosLike }).axios;
  if (axios?.interceptors?.request && !instrumentedAxios.has(axios)) {
    instrumentedAxios.add(axios);
    axios.interceptors.request.use((config) => {
      const signal = callScope.getStore()?.signal;
      if (signal && config.signal === undefined) config.signal = signal;
      return config;
    });
  }
  // Inherit everything else (lastRequest, lastResponse, defaultTimeout...) from the original.
  const wrapped = Object.create(client) as TwilioHttpClient;
  const request = client.request.bind(client);
  wrapped.request = async <TData>(opts: RequestClientModule.RequestOptions<TData>) => {
    const response = await request<TData>(opts);
    const scope = callScope.getStore();
    if (scope) scope.response = { statusCode: response.statusCode, headers: response.headers, body: response.body };
    return response;
  };
  return wrapped;
}

/**
 * The response headers axios handed over (an AxiosHeaders or a plain object), as one
 * lower-case name -> string record; repeated headers joined with ", ".
 */
function plainHeaders(headers: unknown): Record<string, string> {
  const plain: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return plain;
  const toJSON = (headers as { toJSON?: unknown }).toJSON;
  const source = typeof toJSON === 'function' ? (toJSON.call(headers) as object) : headers;
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null || value === false) continue;
    plain[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return plain;
}

/** What Twilio answered, as the client's hooks, spans and results see it. */
export function providerResponse(response: NonNullable<CallScope['response']>): ProviderResponse {
  const headers = plainHeaders(response.headers);
  const requestId = headers['twilio-request-id'];
  return { status: response.statusCode, ...(requestId !== undefined && { requestId }), headers };
}
