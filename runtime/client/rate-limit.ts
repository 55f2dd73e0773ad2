/**
 * Client-side rate limiting from a spec's `constraints.rateLimit` ({ rpm?, rph? }), so callers
 * queue here instead of collecting 429s from the provider.
 *
 * Token state lives behind RateLimitStore so a fleet of senders can share one budget (a Redis
 * store is a Lua script over two fields per bucket); the in-process queue in RateLimiter only
 * decides which local caller gets the next token.
 */
import { systemClock, type Clock } from './clock.js';
import { RateLimitedError, type Issue } from './errors.js';

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

export type TakeResult = { readonly granted: true } | { readonly granted: false; readonly retryAfterMs: number };

export interface RateLimitStore {
  /**
   * Atomically takes one token from every bucket, or from none when any bucket is short; then
   * `retryAfterMs` (>= 1) is how long until every bucket could have a token again.
   * A plain token bucket per BucketSpec is all an implementation needs (buckets start full,
   * elapsed time below zero counts as zero): the sliding-window guarantee comes from the
   * parameters bucketsForLimits chooses, not from the store.
   */
  take(key: string, buckets: readonly BucketSpec[], now: number): Promise<TakeResult>;
  /**
   * Gives back one token to every bucket (never above capacity): the token of a granted `take`
   * nobody used, because its caller aborted while the store was answering. Refilling first and
   * then adding the token undoes the take exactly, so the window guarantee is unchanged.
   * Optional: a store without it loses that token, which only makes the limiter stricter.
   */
  refund?(key: string, buckets: readonly BucketSpec[], now: number): Promise<void>;
}

export const RATE_LIMIT_WINDOW_MS = { rpm: 60_000, rph: 3_600_000 } as const;

/**
 * What is wrong with a set of rate limits, one issue per unusable field (`path` is `rpm` or
 * `rph`); empty when every given limit is usable. This is the one definition of a valid limit:
 * the spec rules report these as CG116 and the client as a ConfigurationError at creation, so a
 * spec that passes `contractgen validate` never fails at run time, and the other way round.
 * A limit is a whole number of requests, at least 1: the limiter grants whole tokens, so
 * `rpm: 0.5` (one every two minutes) cannot be honoured as written; `rph: 30` says it exactly.
 */
export function rateLimitProblems(limits: { readonly rpm?: unknown; readonly rph?: unknown }): Issue[] {
  const problems: Issue[] = [];
  for (const name of ['rpm', 'rph'] as const) {
    const limit = limits[name];
    if (limit === undefined) continue;
    if (!(typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1)) {
      problems.push({ path: name, message: 'must be a whole number of requests, at least 1' });
    }
  }
  return problems;
}

/** Share of a window's limit that may go out at once after a quiet period. */
export const DEFAULT_BURST_FRACTION = 0.1;

/**
 * Longest time, in ms, between a grant and the request reaching the provider (event loop, socket,
 * network) that the limit still holds for. Measured transit spread was up to about 1 s.
 */
export const DEFAULT_TRANSIT_JITTER_MS = 1_000;

/**
 * Bucket parameters that make "at most N requests reach the provider in ANY window of W ms" a
 * guarantee, although each request arrives up to J ms (the transit jitter) after its grant.
 *
 * A bucket with capacity C refilling at r per ms can grant, within a span of S ms, the C tokens
 * it held when the span opened plus the r*S it refills during it: a classic "capacity N, N per
 * window" bucket therefore allows up to 2N in one sliding window. A request granted at g arrives
 * in [g, g + J], so every arrival in a provider window [t, t + W] was granted in [t - J, t + W],
 * a span of W + J. Grants are whole tokens, so choosing C + r*(W + J) < N + 1 bounds every such
 * span, closed at both ends, to N grants, and with it every provider window to N arrivals:
 *
 *   C = max(1, floor(N * burstFraction)),   r = (N + 1 - C) / (W + J + 1)
 *
 * The "+1" terms keep the bound strict with a margin of about (N + 1 - C) / (W + J) tokens, far
 * above floating-point error. Bounding grants in W alone (r = (N + 1 - C) / (W + 1)) let a
 * provider see 1,218 in a minute at rpm 1,200: the burst arrived late, in the same window as a
 * full minute of refill. The price of the guarantee is throughput: a full burst of C, then a
 * steady (N + 1 - C) * W / (W + J + 1) per window, e.g. rpm 200 -> 20 at once, then ~178 per
 * minute; rpm 1,200 -> 120, then ~1,063. J = 1 s costs 1.6% of a minute's steady rate and 0.03%
 * of an hour's. A request delayed by more than J can still crowd a window.
 * (A sliding-window log would allow both a full burst and full throughput, but needs O(N) state
 * per key, which a shared store pays for on every request.)
 */
export function bucketsForLimits(limits: RateLimits, burstFraction = DEFAULT_BURST_FRACTION, transitJitterMs = DEFAULT_TRANSIT_JITTER_MS): BucketSpec[] {
  if (!(burstFraction > 0 && burstFraction <= 1)) throw new RangeError('burstFraction must be in (0, 1]');
  if (!(transitJitterMs >= 0 && Number.isFinite(transitJitterMs))) throw new RangeError('transitJitterMs must be a finite number >= 0');
  const [problem] = rateLimitProblems(limits);
  if (problem) throw new RangeError(`rateLimit.${problem.path} ${problem.message}, got ${limits[problem.path as keyof RateLimits]}`);
  const buckets: BucketSpec[] = [];
  for (const name of ['rpm', 'rph'] as const) {
    const n = limits[name];
    if (n === undefined) continue;
    const spanMs = RATE_LIMIT_WINDOW_MS[name] + transitJitterMs;
    const capacity = Math.max(1, Math.floor(n * burstFraction));
    buckets.push({ name, capacity, refillPerMs: (n + 1 - capacity) / (spanMs + 1) });
  }
  return buckets;
}

interface BucketState {
  tokens: number;
  at: number;
}

/** Token buckets in this process's memory; atomic because `take` never awaits. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #buckets = new Map<string, BucketState>();

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
    return state ? Math.min(spec.capacity, state.tokens + Math.max(0, now - state.at) * spec.refillPerMs) : spec.capacity;
  }
}

/**
 * The store every limiter uses unless given one: limits are the provider's, so two clients of
 * one integration in one process (or a client created per request) must share the budget.
 */
export const defaultRateLimitStore: RateLimitStore = new MemoryRateLimitStore();

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
