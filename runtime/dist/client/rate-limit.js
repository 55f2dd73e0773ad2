/**
 * Client-side rate limiting from a spec's `constraints.rateLimit` ({ rpm?, rph? }), so callers
 * queue here instead of collecting 429s from the provider.
 *
 * Token state lives behind RateLimitStore so a fleet of senders can share one budget (a Redis
 * store is a Lua script over two fields per bucket); the in-process queue in RateLimiter only
 * decides which local caller gets the next token.
 */
import { systemClock } from './clock.js';
import { RateLimitedError } from './errors.js';
export const RATE_LIMIT_WINDOW_MS = { rpm: 60_000, rph: 3_600_000 };
/** Share of a window's limit that may go out at once after a quiet period. */
export const DEFAULT_BURST_FRACTION = 0.1;
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
export function bucketsForLimits(limits, burstFraction = DEFAULT_BURST_FRACTION) {
    if (!(burstFraction > 0 && burstFraction <= 1))
        throw new RangeError('burstFraction must be in (0, 1]');
    const buckets = [];
    for (const name of ['rpm', 'rph']) {
        const limit = limits[name];
        if (limit === undefined)
            continue;
        if (!Number.isFinite(limit) || limit < 1)
            throw new RangeError(`rateLimit.${name} must be a number >= 1, got ${limit}`);
        const n = Math.floor(limit);
        const windowMs = RATE_LIMIT_WINDOW_MS[name];
        const capacity = Math.max(1, Math.floor(n * burstFraction));
        buckets.push({ name, capacity, refillPerMs: (n + 1 - capacity) / (windowMs + 1) });
    }
    return buckets;
}
/** Token buckets in this process's memory; atomic because `take` never awaits. */
export class MemoryRateLimitStore {
    #buckets = new Map();
    async take(key, buckets, now) {
        const current = buckets.map((spec) => {
            const id = `${key}\u0000${spec.name}`;
            const state = this.#buckets.get(id);
            // A clock that steps backwards mints no tokens (max(0, ...)) and becomes the new
            // reference point (at = now below), so refilling resumes instead of stalling until the
            // clock catches up with the old reading.
            const tokens = state
                ? Math.min(spec.capacity, state.tokens + Math.max(0, now - state.at) * spec.refillPerMs)
                : spec.capacity;
            return { id, spec, tokens };
        });
        const short = current.filter((c) => c.tokens < 1);
        const granted = short.length === 0;
        for (const { id, tokens } of current)
            this.#buckets.set(id, { tokens: granted ? tokens - 1 : tokens, at: now });
        if (granted)
            return { granted: true };
        const waits = short.map((c) => Math.ceil((1 - c.tokens) / c.spec.refillPerMs));
        return { granted: false, retryAfterMs: Math.max(1, ...waits) };
    }
}
/**
 * The store every limiter uses unless given one: limits are the provider's, so two clients of
 * one integration in one process (or a client created per request) must share the budget.
 */
export const defaultRateLimitStore = new MemoryRateLimitStore();
export class RateLimiter {
    buckets;
    key;
    #store;
    #clock;
    #maxQueue;
    // A Set iterates in insertion order (FIFO) and deletes an aborted waiter in O(1).
    #waiters = new Set();
    #pumping = false;
    #pause;
    constructor(options) {
        this.buckets = bucketsForLimits(options.limits, options.burstFraction);
        this.key = options.key;
        this.#store = options.store ?? defaultRateLimitStore;
        this.#clock = options.clock ?? systemClock;
        this.#maxQueue = options.maxQueue ?? 1000;
    }
    /** Callers currently inside acquire(). */
    get waiting() {
        return this.#waiters.size;
    }
    /**
     * Resolves when this caller may send one request. Callers are served first come, first
     * served. Rejects with RateLimitedError (source 'local') at once when maxQueue callers are
     * already waiting, and with the signal's reason (leaving the queue) when `signal` aborts.
     */
    acquire(signal) {
        if (signal?.aborted)
            return Promise.reject(signal.reason);
        if (this.buckets.length === 0)
            return Promise.resolve();
        if (this.#waiters.size >= this.#maxQueue) {
            return Promise.reject(new RateLimitedError({
                source: 'local',
                message: `Rate limiter queue for "${this.key}" is full: ${this.#maxQueue} callers are already waiting for a token`,
            }));
        }
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                this.#waiters.delete(waiter);
                // Nobody left to serve: stop the pending wait so no timer outlives the queue.
                if (this.#waiters.size === 0)
                    this.#pause?.abort();
                reject(signal.reason);
            };
            const waiter = { resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
            this.#waiters.add(waiter);
            signal?.addEventListener('abort', onAbort, { once: true });
            void this.#pump();
        });
    }
    #shift() {
        const first = this.#waiters.values().next();
        if (first.done)
            return undefined;
        this.#waiters.delete(first.value);
        first.value.detach();
        return first.value;
    }
    // One loop per limiter hands tokens to the head of the queue; a single loop is what makes the
    // order FIFO and keeps the store from being polled once per waiting caller.
    async #pump() {
        if (this.#pumping)
            return;
        this.#pumping = true;
        try {
            while (this.#waiters.size > 0) {
                let result;
                try {
                    result = await this.#store.take(this.key, this.buckets, this.#clock.now());
                }
                catch (error) {
                    // The store is unreachable: tell the caller rather than wait on a budget nobody can read.
                    this.#shift()?.reject(error);
                    continue;
                }
                if (result.granted) {
                    // If the head aborted while the store answered, its token goes to the next in line.
                    this.#shift()?.resolve();
                    continue;
                }
                if (this.#waiters.size === 0)
                    break;
                this.#pause = new AbortController();
                try {
                    await this.#clock.sleep(result.retryAfterMs, this.#pause.signal);
                }
                catch {
                    // Aborted because the queue emptied; the loop condition ends the pump.
                }
                finally {
                    this.#pause = undefined;
                }
            }
        }
        finally {
            this.#pumping = false;
        }
    }
}
//# sourceMappingURL=rate-limit.js.map