/**
 * Where rate-limit tokens live. The limiter (limiter.ts) only decides which local caller gets the
 * next token; the tokens themselves are behind this interface, so a fleet of senders can share
 * one budget: the in-process MemoryRateLimitStore by default, `@contractgen/redis` for a fleet.
 * test/support/rate-limit-store-conformance.ts is the behaviour every store must show.
 */
import type { BucketSpec } from './buckets.js';

export type TakeResult = { readonly granted: true } | { readonly granted: false; readonly retryAfterMs: number };

export interface RateLimitStore {
  /**
   * Atomically takes one token from every bucket, or from none when any bucket is short; then
   * `retryAfterMs` (>= 1) is how long until every bucket could have a token again.
   * A plain token bucket per BucketSpec is all an implementation needs (buckets start full,
   * elapsed time below zero counts as zero): the sliding-window guarantee comes from the
   * parameters bucketsForLimits chooses, not from the store. `now` is the caller's clock; a
   * shared store may use its own instead (the Redis store uses the server's), so that hosts
   * whose clocks disagree still share one refill rate.
   * Rejects when the store cannot answer; the limiter passes that rejection to its caller.
   */
  take(key: string, buckets: readonly BucketSpec[], now: number): Promise<TakeResult>;
  /**
   * Gives back one token to every bucket (never above capacity): the token of a granted `take`
   * nobody used, because its caller aborted while the store was answering. Refilling first and
   * then adding the token undoes the take exactly, so the window guarantee is unchanged.
   * Optional: a store without it loses that token, which only makes the limiter stricter.
   */
  refund?(key: string, buckets: readonly BucketSpec[], now: number): Promise<void>;
  /**
   * How long, in ms, the limiter may hold a token taken ahead of the next caller. A store whose
   * take is a round trip (the Redis store) sets it: a caller that comes within that time of the
   * previous one finds its token already taken, while the previous call was on its way. The
   * limiter adds it to the transit margin its buckets are sized for (bucketsForLimits), so the
   * window guarantee is unchanged, and gives back (refund) a token nobody used in time.
   * Absent or 0: no token is taken ahead.
   */
  readonly takeAheadMs?: number;
}
