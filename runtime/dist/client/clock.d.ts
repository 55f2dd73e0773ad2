/**
 * Time, behind an interface: the rate limiter, timeouts and retry backoff all wait, and tests
 * must be able to drive hours of waiting deterministically in milliseconds (ManualClock).
 */
export interface Clock {
    /** Milliseconds since the epoch (wall clock, so a shared rate-limit store can compare times across hosts). */
    now(): number;
    /** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
export declare const systemClock: Clock;
/**
 * A clock that only moves when told to. Sleepers wake in (due time, call order) order, and after
 * each wake-up the promise continuations it triggers run before the next sleeper wakes, so code
 * that sleeps again (a retry loop, a rate-limit queue) behaves as it would in real time.
 */
export declare class ManualClock implements Clock {
    #private;
    constructor(startMs?: number);
    now(): number;
    /** How many sleeps are waiting to be woken. */
    get pending(): number;
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
    /** Moves time forward by `ms`, waking every sleeper due on the way, in order. */
    advance(ms: number): Promise<void>;
    advanceTo(timeMs: number): Promise<void>;
    /** Wakes the earliest sleeper, moving time to its due time; false when nobody sleeps. */
    next(): Promise<boolean>;
    /**
     * Keeps waking sleepers, including ones scheduled by the code it wakes, until none is left.
     * `maxWakeups` turns a loop that sleeps forever into a test failure instead of a hang.
     */
    runAll(maxWakeups?: number): Promise<void>;
}
//# sourceMappingURL=clock.d.ts.map