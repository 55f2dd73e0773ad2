/**
 * Client-side rate limiting from a spec's `constraints.rateLimit`, so callers queue here instead
 * of collecting 429s from the provider. The limiter holds the local queue and decides which
 * caller gets the next token; the tokens live in a RateLimitStore (store.ts), so a fleet of
 * senders can share one budget.
 */
import { systemClock, type Clock } from '../clock.js';
import { RateLimitedError } from '../errors.js';
import { bucketsForLimits, type BucketSpec, type RateLimits } from './buckets.js';
import { defaultRateLimitStore } from './memory-store.js';
import type { RateLimitStore, TakeResult } from './store.js';

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
  /** Defaults to DEFAULT_TRANSIT_JITTER_MS; see bucketsForLimits. */
  readonly transitJitterMs?: number;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly detach: () => void;
}

export class RateLimiter {
  readonly buckets: readonly BucketSpec[];
  readonly key: string;
  readonly #store: RateLimitStore;
  readonly #clock: Clock;
  readonly #maxQueue: number;
  // A Set iterates in insertion order (FIFO) and deletes an aborted waiter in O(1).
  readonly #waiters = new Set<Waiter>();
  #pumping = false;
  #pause: AbortController | undefined;

  constructor(options: RateLimiterOptions) {
    this.buckets = bucketsForLimits(options.limits, options.burstFraction, options.transitJitterMs);
    this.key = options.key;
    this.#store = options.store ?? defaultRateLimitStore;
    this.#clock = options.clock ?? systemClock;
    this.#maxQueue = options.maxQueue ?? 1000;
  }

  /** Callers currently inside acquire(). */
  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Resolves when this caller may send one request. Callers are served first come, first
   * served. Rejects with RateLimitedError (source 'local') at once when maxQueue callers are
   * already waiting, and with the signal's reason (leaving the queue) when `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.buckets.length === 0) return Promise.resolve();
    if (this.#waiters.size >= this.#maxQueue) {
      return Promise.reject(
        new RateLimitedError({
          source: 'local',
          message: `Rate limiter queue for "${this.key}" is full: ${this.#maxQueue} callers are already waiting for a token`,
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.#waiters.delete(waiter);
        // Nobody left to serve: stop the pending wait so no timer outlives the queue.
        if (this.#waiters.size === 0) this.#pause?.abort();
        reject(signal!.reason);
      };
      const waiter: Waiter = { resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
      this.#waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      void this.#pump();
    });
  }

  #shift(): Waiter | undefined {
    const first = this.#waiters.values().next();
    if (first.done) return undefined;
    this.#waiters.delete(first.value);
    first.value.detach();
    return first.value;
  }

  async #refund(): Promise<void> {
    try {
      await this.#store.refund?.(this.key, this.buckets, this.#clock.now());
    } catch {
      // The token stays lost: the limiter is stricter for one refill, never looser.
    }
  }

  // One loop per limiter hands tokens to the head of the queue; a single loop is what makes the
  // order FIFO and keeps the store from being polled once per waiting caller.
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#waiters.size > 0) {
        let result: TakeResult;
        try {
          result = await this.#store.take(this.key, this.buckets, this.#clock.now());
        } catch (error) {
          // The store is unreachable: tell the caller rather than wait on a budget nobody can read.
          this.#shift()?.reject(error);
          continue;
        }
        if (result.granted) {
          // If the head aborted while the store answered, its token goes to the next in line,
          // or back to the store when nobody is left: a lost token would cost a whole refill.
          const next = this.#shift();
          if (next) next.resolve();
          else await this.#refund();
          continue;
        }
        if (this.#waiters.size === 0) break;
        this.#pause = new AbortController();
        try {
          await this.#clock.sleep(result.retryAfterMs, this.#pause.signal);
        } catch {
          // Aborted because the queue emptied; the loop condition ends the pump.
        } finally {
          this.#pause = undefined;
        }
      }
    } finally {
      this.#pumping = false;
    }
  }
}
