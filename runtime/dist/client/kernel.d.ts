/**
 * What every generated client method calls. One call of `run` is:
 *
 *   for each attempt (retried per retry.ts):
 *     wait for a rate-limit token   (each attempt is a real request, so each one pays)
 *     invoke the adapter under the operation's timeout
 *   then turn whatever escaped into an IntegrationError with secrets scrubbed out.
 *
 * Generated code stays thin because all of this lives here, once.
 */
import { type Clock } from './clock.js';
import { type RateLimitStore, type RateLimits } from './rate-limit.js';
import { type RetryPolicy } from './retry.js';
import type { Secret } from './secrets.js';
export interface OperationInfo {
    /** Capability operation name, e.g. `sendMessage`; used in error messages. */
    readonly name: string;
    /** Whether a repeat is harmless; decides if timeouts and 5xx are retried. */
    readonly idempotent: boolean;
    /** Time limit for one attempt, not for the whole call with its retries. */
    readonly timeoutMs: number;
}
export interface InvokeContext {
    /** Aborts on the attempt's timeout or the caller's abort: pass it to the HTTP request. */
    readonly signal: AbortSignal;
    /** 1 for the first attempt. */
    readonly attempt: number;
}
export interface KernelOptions {
    /** Integration key, e.g. `sms.twilio`; set on every error the kernel throws. */
    readonly integration: string;
    /** The spec's `constraints.rateLimit`; no limiting when absent or empty. */
    readonly rateLimit?: RateLimits;
    /** Defaults to the process-wide in-memory store; plug a shared store in for a fleet. */
    readonly rateLimitStore?: RateLimitStore;
    /** Who shares the budget; defaults to the integration key. Add the account id when accounts have separate limits. */
    readonly rateLimitKey?: string;
    readonly maxQueue?: number;
    /** Attempts and backoff. Idempotency is a property of each operation, so it is not set here. */
    readonly retry?: Omit<RetryPolicy, 'idempotent'>;
    readonly clock?: Clock;
    /** Values to scrub from every error message; wrapped in Secret, so they cannot leak from here. */
    readonly secrets?: Iterable<Secret>;
}
export interface Kernel {
    readonly integration: string;
    /**
     * Runs one operation. Rejects with an IntegrationError (a ProviderError wrapping anything
     * else), except when `signal` aborts: then with the signal's reason, as fetch does.
     */
    run<T>(operation: OperationInfo, invoke: (context: InvokeContext) => Promise<T>, signal?: AbortSignal): Promise<T>;
}
export declare function createKernel(options: KernelOptions): Kernel;
//# sourceMappingURL=kernel.d.ts.map