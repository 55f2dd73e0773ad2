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
import { systemClock } from './clock.js';
import { IntegrationError, ProviderError, TimeoutError } from './errors.js';
import { RateLimiter } from './rate-limit.js';
import { redactError } from './redact-error.js';
import { withRetry } from './retry.js';
import { withTimeout } from './timeout.js';
export function createKernel(options) {
    const { integration } = options;
    const clock = options.clock ?? systemClock;
    // Copied once: the iterable may be a one-shot generator.
    const secrets = [...(options.secrets ?? [])];
    const limits = options.rateLimit ?? {};
    const limiter = limits.rpm !== undefined || limits.rph !== undefined
        ? new RateLimiter({
            limits,
            key: options.rateLimitKey ?? integration,
            clock,
            ...(options.rateLimitStore && { store: options.rateLimitStore }),
            ...(options.maxQueue !== undefined && { maxQueue: options.maxQueue }),
        })
        : undefined;
    async function run(operation, invoke, signal) {
        const attempt = async (n) => {
            await limiter?.acquire(signal);
            return withTimeout((attemptSignal) => invoke({ signal: attemptSignal, attempt: n }), operation.timeoutMs, {
                clock,
                ...(signal && { signal }),
                onTimeout: () => new TimeoutError(`${integration} ${operation.name} got no response within ${operation.timeoutMs} ms; the request may have reached the provider`, 
                // The request was handed to the adapter, which may have sent it: ambiguous by definition.
                { integration, requestMayHaveBeenSent: true, timeoutMs: operation.timeoutMs }),
            });
        };
        try {
            return await withRetry(attempt, { ...options.retry, idempotent: operation.idempotent }, clock, signal);
        }
        catch (error) {
            // The caller's own abort reason is theirs to recognise; wrapping it would hide it.
            if (signal?.aborted && error === signal.reason)
                throw error;
            const thrown = toIntegrationError(error, integration, operation);
            redactError(thrown, secrets);
            throw thrown;
        }
    }
    return { integration, run };
}
function toIntegrationError(error, integration, operation) {
    if (error instanceof IntegrationError) {
        error.integration ??= integration;
        return error;
    }
    return new ProviderError(`${integration} ${operation.name} failed: ${describe(error)}`, { integration, cause: error });
}
function describe(error) {
    if (error instanceof Error)
        return `${error.name}: ${error.message}`;
    try {
        return String(error);
    }
    catch {
        return 'unknown error';
    }
}
//# sourceMappingURL=kernel.js.map