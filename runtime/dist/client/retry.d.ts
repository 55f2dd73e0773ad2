/**
 * Retries a failed attempt only when doing so cannot cause a duplicate side effect.
 *
 * Always safe (the provider never acted on the request):
 *   - RateLimitedError from the provider (HTTP 429, Twilio 20429): waits its Retry-After when
 *     given, and gives up at once when that is longer than maxDelayMs;
 *   - ConnectionError (the request was never sent);
 *   - TimeoutError with requestMayHaveBeenSent: false.
 * Only for idempotent operations (a repeat has the same effect as one call):
 *   - any TimeoutError, ProviderError with status >= 500.
 * Never: a timed-out non-idempotent send (the message may have gone out), a full local
 * rate-limit queue (re-entering it only adds load), and every other error.
 */
import { type Clock } from './clock.js';
export interface RetryPolicy {
    /** Attempts in total, the first included. Default 3. */
    readonly maxAttempts?: number;
    /** Backoff scale: attempt n waits up to baseDelayMs * 2^(n-1). Default 250. */
    readonly baseDelayMs?: number;
    /** Longest wait between attempts, for backoff and Retry-After alike. Default 10 000. */
    readonly maxDelayMs?: number;
    /** Source of jitter in [0, 1); injectable for deterministic tests. Default Math.random. */
    readonly random?: () => number;
    /** Whether repeating the operation is harmless (a read, or a write with an idempotency key). */
    readonly idempotent: boolean;
}
export declare const DEFAULT_RETRY_POLICY: {
    readonly maxAttempts: 3;
    readonly baseDelayMs: 250;
    readonly maxDelayMs: 10000;
};
/**
 * Calls `attempt(1)`, then `attempt(2)`... while the failure is safe to retry (see above) and
 * attempts remain; rethrows the last error otherwise. `signal` cuts a backoff wait short.
 */
export declare function withRetry<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, clock?: Clock, signal?: AbortSignal): Promise<T>;
/** How long to wait before retrying after `error` on attempt `n`; undefined: do not retry. */
export declare function retryDelayMs(error: unknown, n: number, policy: RetryPolicy): number | undefined;
/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(max, base * 2^(n-1))).
 * Full jitter spreads a fleet's retries over the whole interval, so clients that failed
 * together (one provider outage) do not retry together.
 */
export declare function backoffMs(n: number, policy: Omit<RetryPolicy, 'idempotent'>): number;
//# sourceMappingURL=retry.d.ts.map