/**
 * Bounds one attempt in time. The attempt receives a signal that aborts on timeout or on the
 * caller's abort, so the adapter can cancel the HTTP request; the returned promise settles at
 * that moment even if the attempt ignores the signal.
 */
import { systemClock } from './clock.js';
/** `ms` must be > 0; Infinity means no time limit (the caller's signal still applies). */
const SETTLED = Symbol('attempt settled');
export function withTimeout(run, ms, options) {
    if (!(ms > 0))
        return Promise.reject(new RangeError(`timeout must be > 0 ms, got ${ms}`));
    const { clock = systemClock, signal: callerSignal, onTimeout } = options;
    if (callerSignal?.aborted)
        return Promise.reject(callerSignal.reason);
    const attempt = new AbortController();
    const timer = new AbortController();
    return new Promise((resolve, reject) => {
        const onCallerAbort = () => attempt.abort(callerSignal.reason);
        // Every way out goes through here, so the timer and the listener never outlive the call.
        const finish = () => {
            // A fixed reason: abort() without one builds a DOMException (with a stack) on every call.
            timer.abort(SETTLED);
            callerSignal?.removeEventListener('abort', onCallerAbort);
        };
        attempt.signal.addEventListener('abort', () => {
            finish();
            reject(attempt.signal.reason);
        }, { once: true });
        callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
        if (Number.isFinite(ms)) {
            clock.sleep(ms, timer.signal).then(() => {
                let reason;
                try {
                    reason = onTimeout();
                }
                catch (error) {
                    reason = error;
                }
                attempt.abort(reason);
            }, () => {
                // Cancelled by finish(): the attempt settled first.
            });
        }
        let running;
        try {
            running = run(attempt.signal);
        }
        catch (error) {
            running = Promise.reject(error);
        }
        running.then((value) => {
            finish();
            resolve(value);
        }, (error) => {
            finish();
            // A settled promise ignores later calls, so an attempt failing after its timeout is
            // dropped here instead of surfacing as an unhandled rejection.
            reject(error);
        });
    });
}
//# sourceMappingURL=timeout.js.map