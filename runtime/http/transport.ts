/**
 * What a failed `fetch` means for a retry: could the provider have seen the request?
 *
 * Node's fetch (undici) rejects with `TypeError('fetch failed')` whose `cause` carries the code
 * (reading the body fails with `TypeError('terminated')` the same way). Observed on Node 20:
 *   refused            cause.code ECONNREFUSED, syscall connect      -> never sent
 *   DNS                cause.code ENOTFOUND, syscall getaddrinfo     -> never sent
 *   TLS handshake      cause.code ERR_SSL_*, certificate codes       -> never sent (no byte of HTTP left)
 *   bad URL            cause.code ERR_INVALID_URL                    -> never sent
 *   connect timeout    cause.code UND_ERR_CONNECT_TIMEOUT            -> never sent
 *   closed/reset       cause.code UND_ERR_SOCKET, ECONNRESET, EPIPE  -> maybe sent
 * Never sent is a ConnectionError (safe to retry any operation); everything else, unknown
 * failures and a custom fetch's own errors included, is a TimeoutError with
 * requestMayHaveBeenSent: true, because nothing proves the request stayed here.
 */
import { ConnectionError, TimeoutError, type IntegrationError } from '../client/errors.js';

/** Failures that certainly happened before a byte of the request left this machine. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'EPROTO',
]);

interface FailureCode {
  readonly code: string;
  readonly syscall?: string;
}

/** The code of a fetch failure: on the error, its cause, or the first error of an AggregateError cause. */
function failureCode(error: unknown): FailureCode | undefined {
  const seen = new Set<unknown>();
  for (let current: unknown = error; typeof current === 'object' && current !== null && !seen.has(current); ) {
    seen.add(current);
    const fields = current as { code?: unknown; syscall?: unknown; cause?: unknown; errors?: unknown };
    if (typeof fields.code === 'string') return { code: fields.code, ...(typeof fields.syscall === 'string' && { syscall: fields.syscall }) };
    current = fields.cause ?? (Array.isArray(fields.errors) ? fields.errors[0] : undefined);
  }
  return undefined;
}

/** Whether a transport failure certainly left the request unsent. */
export function neverSent(error: unknown): boolean {
  const failure = failureCode(error);
  if (!failure) return false;
  return NEVER_SENT.has(failure.code) || failure.code.startsWith('ERR_SSL_') || failure.syscall === 'connect' || failure.syscall === 'getaddrinfo';
}

/**
 * The runtime error for a fetch that rejected. `where` names the call (`sms.vonage sendSms`),
 * `host` the server, never a path or query (a query may hold a secret).
 */
export function transportError(error: unknown, where: { readonly integration: string; readonly operation: string; readonly host: string }): IntegrationError {
  const { integration } = where;
  const code = failureCode(error)?.code ?? (error instanceof Error ? error.name : 'unknown error');
  const prefix = `${integration} ${where.operation}`;
  if (neverSent(error)) {
    return new ConnectionError(`${prefix}: could not connect to ${where.host} (${code}); the request was not sent`, { integration, cause: error });
  }
  return new TimeoutError(`${prefix}: the exchange with ${where.host} failed before a complete answer (${code}); the request may have reached the provider`, {
    integration,
    cause: error,
    requestMayHaveBeenSent: true,
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
