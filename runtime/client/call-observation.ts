/**
 * What the kernel tells the outside about one call and each of its attempts, in one place: the
 * client's hooks (hooks.ts), OpenTelemetry (telemetry.ts), and the provider's answer attached to
 * the result or error (provider-response.ts). The kernel only says when things happen; adapters
 * only say what the provider answered (InvokeContext.report). So any adapter, hand-written or
 * generic, is observed the same way without the kernel knowing how it talks to its provider.
 */
import type { Clock } from './clock.js';
import type { IntegrationError } from './errors.js';
import { callHook, type ClientHooks } from './hooks.js';
import { attachResponse, type ProviderResponse } from './provider-response.js';
import type { Telemetry } from './telemetry.js';

export interface AttemptObservation {
  /** Passed to the adapter as InvokeContext.report. */
  readonly report: (response: ProviderResponse) => void;
  /** The call waits for a rate-limit token; call the returned function when it stops waiting. */
  queued(): () => void;
  /** The attempt is handed to the adapter after waiting `rateLimitWaitMs` for its token. */
  sending(rateLimitWaitMs: number): void;
  /** Runs the adapter inside the attempt's trace context. */
  within<T>(run: () => Promise<T>): Promise<T>;
  succeeded(value: unknown): void;
  /** Records the failure and returns the error, the provider's request id attached. */
  failed(error: IntegrationError): IntegrationError;
  aborted(): void;
}

export interface CallObservation {
  attempt(n: number): AttemptObservation;
  /** withRetry's failure observer: fires onError, knowing whether the call goes on. */
  attemptFailed(error: unknown, n: number, retryInMs: number | undefined): void;
  succeeded(): void;
  failed(error: IntegrationError): void;
  aborted(): void;
}

export interface ObserverOptions {
  readonly integration: string;
  readonly clock: Clock;
  readonly hooks: ClientHooks;
  readonly telemetry: Telemetry | undefined;
}

export function observeCall(options: ObserverOptions, operation: string): CallObservation {
  const { integration, clock, hooks, telemetry } = options;
  const trace = telemetry?.call(operation);
  const started = clock.now();
  let attempts = 0;
  let retryReason: string | undefined;
  // The latest attempt's facts, for onError (fired once withRetry has decided) and the call span.
  let last: { response?: ProviderResponse; sentAt?: number; failedAt?: number; aborted: boolean } = { aborted: false };

  return {
    attempt(n) {
      attempts = n;
      const attemptTrace = trace?.attempt(n, retryReason);
      const state: typeof last = { aborted: false };
      last = state;
      const event = { integration, operation, attempt: n };
      return {
        report(response) {
          state.response = response;
        },
        queued() {
          trace?.queued(1);
          return () => trace?.queued(-1);
        },
        sending(rateLimitWaitMs) {
          state.sentAt = clock.now();
          attemptTrace?.waited(rateLimitWaitMs);
          callHook(hooks.onRequest, { ...event, rateLimitWaitMs });
        },
        within: (run) => (attemptTrace ? attemptTrace.within(run) : run()),
        succeeded(value) {
          attachResponse(value, state.response);
          attemptTrace?.end('success', state.response);
          callHook(hooks.onResponse, { ...event, durationMs: clock.now() - (state.sentAt ?? clock.now()), ...(state.response && { response: state.response }) });
        },
        failed(error) {
          state.failedAt = clock.now();
          if (state.response?.requestId !== undefined) error.requestId ??= state.response.requestId;
          attachResponse(error, state.response);
          attemptTrace?.end('error', state.response, error);
          retryReason = error.code;
          return error;
        },
        aborted() {
          state.aborted = true;
          attemptTrace?.end('aborted', state.response);
        },
      };
    },
    attemptFailed(error, n, retryInMs) {
      if (last.aborted) return;
      const durationMs = last.sentAt === undefined ? 0 : (last.failedAt ?? clock.now()) - last.sentAt;
      callHook(hooks.onError, {
        integration,
        operation,
        attempt: n,
        durationMs,
        error: error as IntegrationError,
        willRetry: retryInMs !== undefined,
        ...(last.response && { response: last.response }),
      });
    },
    succeeded() {
      trace?.end('success', attempts, clock.now() - started, last.response);
    },
    failed(error) {
      trace?.end('error', attempts, clock.now() - started, last.response, error);
    },
    aborted() {
      trace?.end('aborted', attempts, clock.now() - started, last.response);
    },
  };
}
