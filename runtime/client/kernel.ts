/**
 * What every generated client method calls. One call of `run` is:
 *
 *   the adapter's one-time preparation, on the first call (preparation.ts: it sends nothing,
 *     so it takes no token and runs outside every per-attempt timeout)
 *   for each attempt (retried per retry.ts):
 *     wait for a rate-limit token   (each attempt is a real request, so each one pays)
 *     invoke the adapter under the operation's timeout
 *     turn a failure into an IntegrationError with secrets scrubbed out
 *   and tell the hooks, OpenTelemetry and the result or error what happened (call-observation.ts),
 *   from what the adapter reported through `context.report`.
 *
 * Generated code stays thin because all of this lives here, once.
 */
import { observeCall } from './call-observation.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigurationError, IntegrationError, ProviderError, TimeoutError } from './errors.js';
import type { ClientHooks } from './hooks.js';
import type { ProviderResponse } from './provider-response.js';
import { rateLimitProblems, type RateLimits } from './rate-limit/buckets.js';
import { RateLimiter } from './rate-limit/limiter.js';
import type { RateLimitStore } from './rate-limit/store.js';
import { redactError } from './redact-error.js';
import { withRetry, type RetryPolicy } from './retry.js';
import { SecretRedactor, type Secret } from './secrets.js';
import { createPreparation } from './preparation.js';
import { createTelemetry } from './telemetry.js';
import { withTimeout } from './timeout.js';

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
  /**
   * Tells the client what the provider answered (status, request id, headers) as soon as an
   * answer came, error answers included. The client hands it to the hooks, the attempt's span
   * and the caller (`responseOf(result)`, `error.requestId`). Absent where no client made the
   * context (an adapter's own tests): call it as `context.report?.(...)`.
   */
  readonly report?: (response: ProviderResponse) => void;
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
  /** The adapter's one-time work before its first request (AdapterConnection.prepare). */
  readonly prepare?: () => Promise<void>;
  /** Told about every attempt; see hooks.ts. */
  readonly hooks?: ClientHooks;
}

export interface Kernel {
  readonly integration: string;
  /** Masks this client's secrets in every encoding; built once, for every error the client lets out. */
  readonly redactor: SecretRedactor;
  /**
   * Runs one operation. Rejects with an IntegrationError (a ProviderError wrapping anything
   * else), except when `signal` aborts: then with the signal's reason, as fetch does.
   */
  run<T>(operation: OperationInfo, invoke: (context: InvokeContext) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /**
   * The adapter's preparation as `run` does it, for a caller that times an adapter call itself
   * (the health probe). Rejects with what the preparation threw, unmapped and unredacted.
   */
  prepare(signal?: AbortSignal): Promise<void>;
}

export function createKernel(options: KernelOptions): Kernel {
  const { integration } = options;
  const clock = options.clock ?? systemClock;
  // Every encoding of every secret, computed once per client rather than once per error.
  const redactor = new SecretRedactor(options.secrets ?? []);
  const preparation = createPreparation(options.prepare);
  const limits = options.rateLimit ?? {};
  // A limit the limiter cannot honour is a problem of the spec, reported like every other one.
  const problems = rateLimitProblems(limits);
  if (problems.length > 0) {
    throw new ConfigurationError(problems.map(({ path, message }) => ({ path: `constraints.rateLimit.${path}`, message })), { integration });
  }
  const limiter =
    limits.rpm !== undefined || limits.rph !== undefined
      ? new RateLimiter({
          limits,
          key: options.rateLimitKey ?? integration,
          clock,
          ...(options.rateLimitStore && { store: options.rateLimitStore }),
          ...(options.maxQueue !== undefined && { maxQueue: options.maxQueue }),
        })
      : undefined;

  const observer = { integration, clock, hooks: options.hooks ?? {}, telemetry: createTelemetry(integration) };
  const retryPolicy = { ...options.retry };
  const toClientError = (error: unknown, operation: OperationInfo): IntegrationError => {
    const thrown = toIntegrationError(error, integration, operation);
    redactError(thrown, redactor);
    return thrown;
  };

  async function run<T>(
    operation: OperationInfo,
    invoke: (context: InvokeContext) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const call = observeCall(observer, operation.name);
    // The caller's own abort reason is theirs to recognise; wrapping it would hide it.
    const isAbort = (error: unknown) => signal?.aborted === true && error === signal.reason;
    const attempt = async (n: number): Promise<T> => {
      const observed = call.attempt(n);
      try {
        const waitStarted = clock.now();
        if (limiter) {
          const leave = observed.queued();
          try {
            await limiter.acquire(signal);
          } finally {
            leave();
          }
        }
        observed.sending(clock.now() - waitStarted);
        const value = await observed.within(() =>
          withTimeout((attemptSignal) => invoke({ signal: attemptSignal, attempt: n, report: observed.report }), operation.timeoutMs, {
            clock,
            ...(signal && { signal }),
            onTimeout: () =>
              new TimeoutError(
                `${integration} ${operation.name} got no response within ${operation.timeoutMs} ms; the request may have reached the provider`,
                // The request was handed to the adapter, which may have sent it: ambiguous by definition.
                { integration, requestMayHaveBeenSent: true, timeoutMs: operation.timeoutMs },
              ),
          }),
        );
        observed.succeeded(value);
        return value;
      } catch (error) {
        if (isAbort(error)) {
          observed.aborted();
          throw error;
        }
        throw observed.failed(toClientError(error, operation));
      }
    };
    try {
      if (!preparation.done) await preparation.wait(signal);
      const value = await withRetry(attempt, { ...retryPolicy, idempotent: operation.idempotent }, clock, signal, call.attemptFailed);
      call.succeeded();
      return value;
    } catch (error) {
      if (isAbort(error)) {
        call.aborted();
        throw error;
      }
      const thrown = toClientError(error, operation);
      call.failed(thrown);
      throw thrown;
    }
  }

  return { integration, redactor, run, prepare: (signal) => preparation.wait(signal) };
}

function toIntegrationError(error: unknown, integration: string, operation: OperationInfo): IntegrationError {
  if (error instanceof IntegrationError) {
    error.integration ??= integration;
    return error;
  }
  return new ProviderError(`${integration} ${operation.name} failed: ${describe(error)}`, { integration, cause: error });
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}
