/**
 * Bounds one attempt in time. The attempt receives a signal that aborts on timeout or on the
 * caller's abort, so the adapter can cancel the HTTP request; the returned promise settles at
 * that moment even if the attempt ignores the signal.
 */
import { type Clock } from './clock.js';
export interface TimeoutOptions {
    readonly clock?: Clock;
    /** The caller's signal: aborting it aborts the attempt and rejects with its reason. */
    readonly signal?: AbortSignal;
    /** Builds the rejection for a timeout; it is also the reason the attempt's signal carries. */
    readonly onTimeout: () => Error;
}
export declare function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number, options: TimeoutOptions): Promise<T>;
//# sourceMappingURL=timeout.d.ts.map