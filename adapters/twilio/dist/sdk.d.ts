import { type AdapterInit, type HealthProbeResult, type InvokeContext, type Secret } from '@contractgen/runtime';
import type TwilioSdk from 'twilio';
import { type TwilioErrorContext } from './errors.js';
export type TwilioModule = typeof TwilioSdk;
export type TwilioClient = TwilioSdk.Twilio;
/** A `twilio.RequestClient` or a subclass (e.g. the loopback client). */
export type TwilioHttpClient = TwilioSdk.RequestClient;
/** Secrets every Twilio adapter needs. */
export interface TwilioSecrets {
    accountSid: string;
    authToken: string;
}
export interface TwilioAdapterOptions {
    /**
     * The SDK's HTTP client: a `twilio.RequestClient` (or subclass) built by you, e.g. with
     * proxy/keep-alive settings. Its `autoRetry` must be off: retries belong to the client kernel.
     */
    readonly httpClient?: TwilioHttpClient;
    /**
     * Send every API call to this base URL instead of https://*.twilio.com, e.g. the local
     * stand-in (`startTwilioStandIn().url`). Uses `createLoopbackHttpClient`. Ignored when
     * `httpClient` is given.
     */
    readonly baseUrl?: string;
    /**
     * The SDK's own per-request timeout (socket + response), in ms; SDK default 30,000. The
     * client's per-attempt timeout (ClientOptions.timeoutMs, default 10,000) normally fires first;
     * this is the backstop for the SDK's sockets.
     */
    readonly timeoutMs?: number;
}
/** Loads the twilio SDK once per process, on first use. */
export declare function loadTwilioSdk(): Promise<TwilioModule>;
/** What ./errors.ts needs besides the integration and operation. */
export type CallMapping = Omit<TwilioErrorContext, 'integration' | 'operation' | 'retryAfterMs'>;
export interface TwilioSession {
    readonly integration: string;
    /** Account SID; safe to log. */
    readonly accountSid: string;
    /** The auth token, for webhook signature checks. */
    readonly authToken: Secret;
    /**
     * Runs one SDK call under the attempt's signal and maps whatever it throws. Never retries.
     * After the signal aborts, rejects with the signal's reason (the kernel has already moved on).
     */
    call<T>(operation: string, context: InvokeContext | undefined, run: (client: TwilioClient) => Promise<T>, mapping?: CallMapping): Promise<T>;
    /** The health probe shared by every Twilio adapter: fetch the account, read its status. */
    probeAccount(context: InvokeContext): Promise<HealthProbeResult>;
}
/** One per connected adapter: the SDK client is built lazily, once, and reused. */
export declare function createTwilioSession(init: AdapterInit<unknown, TwilioSecrets>, options?: TwilioAdapterOptions): TwilioSession;
/** active = ok, suspended = degraded, closed = down. */
export declare function accountHealth(status: string | undefined): HealthProbeResult;
//# sourceMappingURL=sdk.d.ts.map