/**
 * Client-side rate limiting from a spec's `constraints.rateLimit` ({ rpm?, rph? }), so callers
 * queue here instead of collecting 429s from the provider.
 *
 * Token state lives behind RateLimitStore so a fleet of senders can share one budget (a Redis
 * store is a Lua script over two fields per bucket); the in-process queue in RateLimiter only
 * decides which local caller gets the next token.
 */
import { type Clock } from './clock.js';
export interface RateLimits {
    /** Requests per minute: at most this many in any 60-second window. */
    readonly rpm?: number;
    /** Requests per hour: at most this many in any 3600-second window. */
    readonly rph?: number;
}
/** A token bucket: holds at most `capacity` tokens (starts full), refills continuously at `refillPerMs`. */
export interface BucketSpec {
    readonly capacity: number;
    readonly refillPerMs: number;
    /** Distinguishes the buckets stored under one key, e.g. `rpm` and `rph`. */
    readonly name: string;
}
export type TakeResult = {
    readonly granted: true;
} | {
    readonly granted: false;
    readonly retryAfterMs: number;
};
export interface RateLimitStore {
    /**
     * Atomically takes one token from every bucket, or from none when any bucket is short; then
     * `retryAfterMs` (>= 1) is how long until every bucket could have a token again.
     * A plain token bucket per BucketSpec is all an implementation needs (buckets start full,
     * elapsed time below zero counts as zero): the sliding-window guarantee comes from the
     * parameters bucketsForLimits chooses, not from the store.
     */
    take(key: string, buckets: readonly BucketSpec[], now: number): Promise<TakeResult>;
}
export declare const RATE_LIMIT_WINDOW_MS: {
    readonly rpm: 60000;
    readonly rph: 3600000;
};
/** Share of a window's limit that may go out at once after a quiet period. */
export declare const DEFAULT_BURST_FRACTION = 0.1;
/**
 * Bucket parameters that make "at most N grants in ANY window of W ms" a guarantee.
 *
 * A bucket with capacity C refilling at r per ms can grant, within a window, the C tokens it
 * held when the window opened plus the r*W it refills during it: a classic "capacity N, N per
 * window" bucket therefore allows up to 2N in one sliding window. Grants are whole tokens, so
 * choosing C + r*W < N + 1 bounds every window, closed at both ends, to N:
 *
 *   C = max(1, floor(N * burstFraction)),   r = (N + 1 - C) / (W + 1)
 *
 * The "+1" terms keep the bound strict with a margin of about (N + 1 - C) / W tokens, far above
 * floating-point error. The price of the guarantee is the burst/throughput split: a full burst
 * of C, then a steady (N + 1 - C) per window, e.g. rpm 200 -> 20 at once, then 181 per minute.
 * (A sliding-window log would allow both a full burst and full throughput, but needs O(N) state
 * per key, which a shared store pays for on every request.)
 */
export declare function bucketsForLimits(limits: RateLimits, burstFraction?: number): BucketSpec[];
/** Token buckets in this process's memory; atomic because `take` never awaits. */
export declare class MemoryRateLimitStore implements RateLimitStore {
    #private;
    take(key: string, buckets: readonly BucketSpec[], now: number): Promise<TakeResult>;
}
/**
 * The store every limiter uses unless given one: limits are the provider's, so two clients of
 * one integration in one process (or a client created per request) must share the budget.
 */
export declare const defaultRateLimitStore: RateLimitStore;
export interface RateLimiterOptions {
    readonly limits: RateLimits;
    /** Defaults to the process-wide `defaultRateLimitStore`. */
    readonly store?: RateLimitStore;
    /** Budget identity in the store: callers with the same key share the limit. */
    readonly key: string;
    readonly clock?: Clock;
    /** Most callers allowed inside acquire() at once; one more is refused at once. Default 1000. */
    readonly maxQueue?: number;
    readonly burstFraction?: number;
}
export declare class RateLimiter {
    #private;
    readonly buckets: readonly BucketSpec[];
    readonly key: string;
    constructor(options: RateLimiterOptions);
    /** Callers currently inside acquire(). */
    get waiting(): number;
    /**
     * Resolves when this caller may send one request. Callers are served first come, first
     * served. Rejects with RateLimitedError (source 'local') at once when maxQueue callers are
     * already waiting, and with the signal's reason (leaving the queue) when `signal` aborts.
     */
    acquire(signal?: AbortSignal): Promise<void>;
}
//# sourceMappingURL=rate-limit.d.ts.map