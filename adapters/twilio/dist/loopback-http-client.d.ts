import twilio from 'twilio';
import type RequestClientModule from 'twilio/lib/base/RequestClient.js';
import { redactTransportError } from './redact.js';
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
/**
 * Rewrites Twilio URIs onto `baseUrl` and otherwise behaves like the SDK's own
 * RequestClient. Exported for `instanceof` checks; build it with
 * `createLoopbackHttpClient`.
 */
export declare class LoopbackRequestClient extends twilio.RequestClient {
    readonly baseUrl: string;
    constructor(baseUrl: string, options?: LoopbackHttpClientOptions);
    /** `https://<x>.twilio.com/path?query` -> `<baseUrl>/path?query`. */
    rewriteUri(uri: string): string;
    request<TData>(opts: RequestOptions<TData>): Promise<import("twilio/lib/http/response.js").default<TData>>;
}
/**
 * Build the httpClient to pass as `twilio(accountSid, authToken, { httpClient })`.
 * Retry and timeout options live here because the SDK ignores its own client
 * options once a custom httpClient is given.
 */
export declare function createLoopbackHttpClient(baseUrl: string, options?: LoopbackHttpClientOptions): LoopbackRequestClient;
//# sourceMappingURL=loopback-http-client.d.ts.map