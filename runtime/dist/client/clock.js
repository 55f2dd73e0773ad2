/**
 * Time, behind an interface: the rate limiter, timeouts and retry backoff all wait, and tests
 * must be able to drive hours of waiting deterministically in milliseconds (ManualClock).
 */
// setTimeout fires after 1 ms for any delay above 2^31 - 1 ms, so longer sleeps are chained.
const MAX_TIMER_MS = 2 ** 31 - 1;
export const systemClock = {
    now: () => Date.now(),
    sleep(ms, signal) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(signal.reason);
            if (!(ms > 0))
                return resolve();
            const step = Math.min(ms, MAX_TIMER_MS);
            const onAbort = () => {
                clearTimeout(timer);
                reject(signal.reason);
            };
            const timer = setTimeout(() => {
                signal?.removeEventListener('abort', onAbort);
                if (step < ms)
                    systemClock.sleep(ms - step, signal).then(resolve, reject);
                else
                    resolve();
            }, step);
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    },
};
/**
 * A clock that only moves when told to. Sleepers wake in (due time, call order) order, and after
 * each wake-up the promise continuations it triggers run before the next sleeper wakes, so code
 * that sleeps again (a retry loop, a rate-limit queue) behaves as it would in real time.
 */
export class ManualClock {
    #now;
    #order = 0;
    #sleepers = new Set();
    constructor(startMs = 0) {
        this.#now = startMs;
    }
    now() {
        return this.#now;
    }
    /** How many sleeps are waiting to be woken. */
    get pending() {
        return this.#sleepers.size;
    }
    sleep(ms, signal) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(signal.reason);
            if (!(ms > 0))
                return resolve();
            const onAbort = () => {
                this.#sleepers.delete(sleeper);
                reject(signal.reason);
            };
            const sleeper = {
                due: this.#now + ms,
                order: this.#order++,
                wake: () => {
                    signal?.removeEventListener('abort', onAbort);
                    resolve();
                },
            };
            this.#sleepers.add(sleeper);
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    }
    /** Moves time forward by `ms`, waking every sleeper due on the way, in order. */
    advance(ms) {
        return this.advanceTo(this.#now + ms);
    }
    async advanceTo(timeMs) {
        await settle();
        for (let next = this.#earliest(); next && next.due <= timeMs; next = this.#earliest()) {
            await this.#wake(next);
        }
        this.#now = Math.max(this.#now, timeMs);
    }
    /** Wakes the earliest sleeper, moving time to its due time; false when nobody sleeps. */
    async next() {
        await settle();
        const sleeper = this.#earliest();
        if (!sleeper)
            return false;
        await this.#wake(sleeper);
        return true;
    }
    /**
     * Keeps waking sleepers, including ones scheduled by the code it wakes, until none is left.
     * `maxWakeups` turns a loop that sleeps forever into a test failure instead of a hang.
     */
    async runAll(maxWakeups = 1_000_000) {
        for (let count = 0; await this.next(); count++) {
            if (count >= maxWakeups)
                throw new Error(`ManualClock.runAll: still sleeping after ${maxWakeups} wake-ups`);
        }
    }
    async #wake(sleeper) {
        this.#sleepers.delete(sleeper);
        this.#now = Math.max(this.#now, sleeper.due);
        sleeper.wake();
        await settle();
    }
    #earliest() {
        let best;
        for (const s of this.#sleepers) {
            if (!best || s.due < best.due || (s.due === best.due && s.order < best.order))
                best = s;
        }
        return best;
    }
}
// setImmediate runs only once the microtask queue is empty, i.e. after every promise
// continuation the last wake-up triggered (however long the chain) has run.
function settle() {
    return new Promise((resolve) => setImmediate(resolve));
}
//# sourceMappingURL=clock.js.map