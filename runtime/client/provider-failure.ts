/**
 * A provider's error answer as a runtime error, whoever read the answer: a hand-written adapter
 * (Twilio's code table) or an HTTP binding's error rules. The reader decides what the answer is
 * and writes the message; what each kind becomes, and what it keeps, is decided here, once.
 */
import {
  AuthenticationError,
  ProviderError,
  ProviderInvalidInputError,
  RateLimitedError,
  TemplateRequiredError,
  type IntegrationError,
  type Issue,
} from './errors.js';

/** What an error answer means (the `error` of an HTTP binding's rule uses the same words). */
export type ProviderFailureKind = 'authentication' | 'rateLimited' | 'templateRequired' | 'invalidInput' | 'provider';

/** What an error status means when nothing more specific says: 401/403 credentials, 429 rate limit, else a refusal. */
export function kindOfStatus(status: number): 'authentication' | 'rateLimited' | 'provider' {
  if (status === 401 || status === 403) return 'authentication';
  if (status === 429) return 'rateLimited';
  return 'provider';
}

export interface ProviderFailure {
  readonly kind: ProviderFailureKind;
  readonly integration: string;
  /** The whole message: the call, the status, the provider's code and explanation, its docs page. */
  readonly message: string;
  readonly status: number;
  readonly providerCode?: number | string;
  /** The provider's page about this error (kept by every kind but authentication and rate limits). */
  readonly docsUrl?: string;
  /** rateLimited: from the answer's Retry-After. */
  readonly retryAfterMs?: number;
  /** invalidInput: the problem, located at the operation input's field; without it the failure is a ProviderError. */
  readonly issue?: Issue;
  /** provider: the adapter knows the provider did nothing and that a later try may succeed (retry.ts retries it). */
  readonly retryable?: boolean;
}

export function providerFailureError(failure: ProviderFailure): IntegrationError {
  const { integration, message, status, providerCode, docsUrl } = failure;
  const common = { integration, status, ...(providerCode !== undefined && { providerCode }) };
  const documented = { ...common, ...(docsUrl && { docsUrl }) };
  switch (failure.kind) {
    case 'authentication':
      return new AuthenticationError(message, common);
    case 'rateLimited':
      return new RateLimitedError({ ...common, source: 'provider', message, ...(failure.retryAfterMs !== undefined && { retryAfterMs: failure.retryAfterMs }) });
    case 'templateRequired':
      return new TemplateRequiredError(message, documented);
    case 'invalidInput':
      return failure.issue ? new ProviderInvalidInputError([failure.issue], documented) : new ProviderError(message, documented);
    case 'provider':
      return new ProviderError(message, { ...documented, ...(failure.retryable && { retryable: true }) });
  }
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable.
 * Takes a header as any client hands it over (a string, a number, an array of values, null).
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const trimmed = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
