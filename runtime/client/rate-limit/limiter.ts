/**
 * Client-side rate limiting from a spec's `constraints.rateLimit`, so callers queue here instead
 * of collecting 429s from the provider. The limiter holds the local queue and decides which
 * caller gets the next token; the tokens live in a RateLimitStore (store.ts), so a fleet of
 * senders can share one budget. On a store whose take is a round trip (takeAheadMs), the limiter
 * takes the next token while a call is on its way, holds it at most takeAheadMs, and sizes its
 * buckets for that hold.
 */
import { systemClock, type Clock } from '../clock.js';
import { RateLimitedError } from '../errors.js';
import { bucketsForLimits, DEFAULT_TRANSIT_JITTER_MS, type BucketSpec, type RateLimits } from './buckets.js';
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

/** A token taken ahead of the next caller (RateLimitStore.takeAheadMs). */
interface Spare {
  /** performance.now() before the take was asked for: the grant came later, so the hold is at most now - takenAt. */
  readonly takenAt: number;
  /** When it goes back to the store unused, on the limiter's clock (the one its waits run on). */
  readonly returnAt: number;
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
  readonly #takeAheadMs: number;
  #spare: Spare | undefined;
  #watchingSpare = false;
  /** Take a token ahead once the queue is empty: the last caller came soon after the one before. */
  #takeAhead = false;
  #lastServedAt = -Infinity;

  constructor(options: RateLimiterOptions) {
    this.#store = options.store ?? defaultRateLimitStore;
    const takeAheadMs = this.#store.takeAheadMs ?? 0;
    if (!(takeAheadMs >= 0 && Number.isFinite(takeAheadMs))) throw new RangeError(`the rate-limit store's takeAheadMs must be a finite number >= 0, got ${takeAheadMs}`);
    this.#takeAheadMs = takeAheadMs;
    // A token held before its caller uses it reaches the provider that much later after its
    // grant: the hold is part of the transit the buckets are sized for.
    this.buckets = bucketsForLimits(options.limits, options.burstFraction, (options.transitJitterMs ?? DEFAULT_TRANSIT_JITTER_MS) + takeAheadMs);
    this.key = options.key;
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
    if (this.#waiters.size === 0 && this.#useSpare()) return Promise.resolve();
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

  /** Hands the spare token to a caller, if there is one still within its hold. */
  #useSpare(): boolean {
    const spare = this.#spare;
    if (!spare) return false;
    this.#spare = undefined;
    // Timers end a hold in time unless the event loop was blocked: then the token goes back.
    if (performance.now() - spare.takenAt > this.#takeAheadMs) {
      void this.#refund();
      return false;
    }
    this.#served();
    void this.#pump();
    return true;
  }

  /** A caller got a token: take the next one ahead if callers come within takeAheadMs of each other. */
  #served(): void {
    const now = performance.now();
    this.#takeAhead = this.#takeAheadMs > 0 && now - this.#lastServedAt <= this.#takeAheadMs;
    this.#lastServedAt = now;
  }

  #keepSpare(takenAt: number, clockAt: number): void {
    this.#spare = { takenAt, returnAt: clockAt + this.#takeAheadMs };
    if (!this.#watchingSpare) void this.#watchSpare();
  }

  // One loop gives back a spare nobody used in time, rather than a timer per spare (one is taken
  // per call); it sleeps until the current spare's return time and ends when there is none.
  async #watchSpare(): Promise<void> {
    this.#watchingSpare = true;
    try {
      for (let spare = this.#spare; spare; spare = this.#spare) {
        const left = spare.returnAt - this.#clock.now();
        if (left > 0) {
          await this.#clock.sleep(left);
          continue;
        }
        // Nobody came in time: no more are taken ahead until callers come close together again.
        this.#spare = undefined;
        this.#takeAhead = false;
        await this.#refund();
      }
    } finally {
      this.#watchingSpare = false;
    }
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
      while (this.#waiters.size > 0 || (this.#takeAhead && !this.#spare)) {
        const takenAt = performance.now();
        const clockAt = this.#clock.now();
        let result: TakeResult;
        try {
          result = await this.#store.take(this.key, this.buckets, clockAt);
        } catch (error) {
          // The store is unreachable: tell the caller rather than wait on a budget nobody can
          // read (a token taken ahead has no caller: the next one asks the store itself).
          const head = this.#shift();
          if (head) head.reject(error);
          else this.#takeAhead = false;
          continue;
        }
        if (result.granted) {
          // If the head aborted while the store answered, its token goes to the next in line,
          // or is kept for the next caller (take-ahead), or back to the store when nobody is
          // left: a lost token would cost a whole refill.
          const next = this.#shift();
          if (next) {
            this.#served();
            next.resolve();
          } else if (this.#takeAhead && !this.#spare) {
            this.#keepSpare(takenAt, clockAt);
          } else {
            await this.#refund();
          }
          continue;
        }
        // No token now: nothing is taken ahead until callers are served close together again.
        this.#takeAhead = false;
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
