/**
 * Per-client hooks: the client tells the caller's own code about every attempt of every
 * operation (logging, metrics of your own, request ids into your tickets), for any adapter. They
 * observe and never steer: a hook that throws, or returns a promise that rejects, is ignored, so
 * a broken logger cannot fail a send. Events carry no input, output, secret or message body;
 * errors are the client's own IntegrationErrors, secrets already scrubbed.
 */
import type { IntegrationError } from './errors.js';
import type { ProviderResponse } from './provider-response.js';

export interface AttemptEvent {
  /** Integration key, e.g. `sms.twilio`. */
  readonly integration: string;
  /** Operation name, e.g. `sendSms`. */
  readonly operation: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

export interface RequestEvent extends AttemptEvent {
  /** How long this attempt waited for its rate-limit token, in ms. */
  readonly rateLimitWaitMs: number;
}

export interface ResponseEvent extends AttemptEvent {
  /** From handing the attempt to the adapter until its answer, in ms. */
  readonly durationMs: number;
  /** What the adapter reported of the provider's answer, if anything. */
  readonly response?: ProviderResponse;
}

export interface ErrorEvent extends AttemptEvent {
  /** From the start of the attempt (rate-limit wait included) until it failed, in ms. */
  readonly durationMs: number;
  readonly error: IntegrationError;
  /** Whether the client tries again (the error is retryable here and attempts remain). */
  readonly willRetry: boolean;
  readonly response?: ProviderResponse;
}

export interface ClientHooks {
  /** An attempt, its rate-limit token taken, is handed to the adapter. */
  readonly onRequest?: (event: RequestEvent) => void;
  /** An attempt succeeded: the adapter returned and its result matched the operation's output. */
  readonly onResponse?: (event: ResponseEvent) => void;
  /** An attempt failed: refused by the rate limiter, timed out, or failed by the provider or adapter. */
  readonly onError?: (event: ErrorEvent) => void;
}

/** Calls a hook, keeping whatever it throws or rejects with away from the call it observes. */
export function callHook<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (!hook) return;
  try {
    const returned: unknown = hook(event);
    if (returned instanceof Promise) returned.catch(() => {});
  } catch {
    // An observer's failure is not the operation's.
  }
}
