/**
 * Token buckets in this process's memory: the store every limiter uses unless given another.
 */
import type { BucketSpec } from './buckets.js';
import type { RateLimitStore, TakeResult } from './store.js';

interface BucketState {
  tokens: number;
  at: number;
}

export interface MemoryRateLimitStoreOptions {
  /**
   * Buckets start empty instead of full: no burst right after the store is created. For a
   * store that takes over from another mid-flight (a fleet's local fallback), whose budget may
   * already have been spent. Default false.
   */
  readonly startEmpty?: boolean;
}

/** Token buckets in this process's memory; atomic because `take` never awaits. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #buckets = new Map<string, BucketState>();
  readonly #startEmpty: boolean;

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.#startEmpty = options.startEmpty ?? false;
  }

  async take(key: string, buckets: readonly BucketSpec[], now: number): Promise<TakeResult> {
    const current = buckets.map((spec) => {
      const id = `${key}\u0000${spec.name}`;
      return { id, spec, tokens: this.#tokensAt(id, spec, now) };
    });

    const short = current.filter((c) => c.tokens < 1);
    const granted = short.length === 0;
    for (const { id, tokens } of current) this.#buckets.set(id, { tokens: granted ? tokens - 1 : tokens, at: now });
    if (granted) return { granted: true };
    const waits = short.map((c) => Math.ceil((1 - c.tokens) / c.spec.refillPerMs));
    return { granted: false, retryAfterMs: Math.max(1, ...waits) };
  }

  async refund(key: string, buckets: readonly BucketSpec[], now: number): Promise<void> {
    for (const spec of buckets) {
      const id = `${key}\u0000${spec.name}`;
      this.#buckets.set(id, { tokens: Math.min(spec.capacity, this.#tokensAt(id, spec, now) + 1), at: now });
    }
  }

  #tokensAt(id: string, spec: BucketSpec, now: number): number {
    const state = this.#buckets.get(id);
    // A clock that steps backwards mints no tokens (max(0, ...)) and becomes the new reference
    // point (callers store at = now), so refilling resumes instead of stalling until the clock
    // catches up with the old reading.
    if (state) return Math.min(spec.capacity, state.tokens + Math.max(0, now - state.at) * spec.refillPerMs);
    return this.#startEmpty ? 0 : spec.capacity;
  }
}

/**
 * The store every limiter uses unless given one: limits are the provider's, so two clients of
 * one integration in one process (or a client created per request) must share the budget.
 */
export const defaultRateLimitStore: RateLimitStore = new MemoryRateLimitStore();
