/**
 * Retries a failed attempt only when doing so cannot cause a duplicate side effect.
 *
 * Always safe (the provider never acted on the request):
 *   - RateLimitedError from the provider (HTTP 429, Twilio 20429): waits its Retry-After when
 *     given, and gives up at once when that is longer than maxDelayMs;
 *   - ProviderError with `retryable: true`: a definite rejection the adapter (or an HTTP
 *     binding's error rule) declares, e.g. Vonage's status 1 "Throttled" inside an HTTP 200;
 *   - ConnectionError (the request was never sent);
 *   - TimeoutError with requestMayHaveBeenSent: false.
 * Only for idempotent operations (a repeat has the same effect as one call):
 *   - any TimeoutError, ProviderError with status >= 500.
 * Never: a timed-out non-idempotent send (the message may have gone out), a full local
 * rate-limit queue (re-entering it only adds load), and every other error.
 */
import { systemClock, type Clock } from './clock.js';
import { ConnectionError, ProviderError, RateLimitedError, TimeoutError } from './errors.js';

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

export const DEFAULT_RETRY_POLICY = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 10_000 } as const;

/**
 * Calls `attempt(1)`, then `attempt(2)`... while the failure is safe to retry (see above) and
 * attempts remain; rethrows the last error otherwise. `signal` cuts a backoff wait short.
 * `onFailure` hears of every failed attempt with the decision: the wait before the next one, or
 * undefined when there is none.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock = systemClock,
  signal?: AbortSignal,
  onFailure?: (error: unknown, n: number, retryInMs: number | undefined) => void,
): Promise<T> {
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts));
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const delayMs = n >= maxAttempts || signal?.aborted ? undefined : retryDelayMs(error, n, policy);
      onFailure?.(error, n, delayMs);
      if (delayMs === undefined) throw error;
      await clock.sleep(delayMs, signal);
    }
  }
}

/** How long to wait before retrying after `error` on attempt `n`; undefined: do not retry. */
export function retryDelayMs(error: unknown, n: number, policy: RetryPolicy): number | undefined {
  const maxDelayMs = policy.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
  if (error instanceof RateLimitedError) {
    if (error.source !== 'provider') return undefined;
    if (error.retryAfterMs === undefined) return backoffMs(n, policy);
    // Waiting longer than the caller allows would hold the request hostage; report instead.
    return error.retryAfterMs <= maxDelayMs ? Math.max(0, error.retryAfterMs) : undefined;
  }
  if (error instanceof ConnectionError) return backoffMs(n, policy);
  if (error instanceof TimeoutError) {
    return policy.idempotent || !error.requestMayHaveBeenSent ? backoffMs(n, policy) : undefined;
  }
  if (error instanceof ProviderError) {
    if (error.retryable) return backoffMs(n, policy);
    return policy.idempotent && error.status !== undefined && error.status >= 500 ? backoffMs(n, policy) : undefined;
  }
  return undefined;
}

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(max, base * 2^(n-1))).
 * Full jitter spreads a fleet's retries over the whole interval, so clients that failed
 * together (one provider outage) do not retry together.
 */
export function backoffMs(n: number, policy: Omit<RetryPolicy, 'idempotent'>): number {
  const base = policy.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs;
  const max = policy.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
  const ceiling = Math.min(max, base * 2 ** (n - 1));
  const random = Math.min(Math.max((policy.random ?? Math.random)(), 0), 1);
  return Math.floor(ceiling * random);
}
