/**
 * A request that got no answer: could the provider have seen it? The answer decides whether the
 * kernel may send it again, so every adapter asks it here, whatever its HTTP client:
 *
 * - Node's fetch (undici) rejects with `TypeError('fetch failed')` whose `cause` carries the code
 *   (reading the body fails with `TypeError('terminated')` the same way); happy-eyeballs connects
 *   put an AggregateError in between.
 * - axios (under the twilio SDK) rejects with an AxiosError carrying the code itself, the socket
 *   error as `cause`; its own timeout is ECONNABORTED.
 *
 *   refused, DNS, TLS, bad URL, connect timeout   ECONNREFUSED, ENOTFOUND, ERR_SSL_*, certificate
 *                                                codes, ERR_INVALID_URL, UND_ERR_CONNECT_TIMEOUT,
 *                                                any code of syscall connect/getaddrinfo  -> never sent
 *   the client's own timeout                     ECONNABORTED, ETIMEDOUT, UND_ERR_*_TIMEOUT -> maybe sent
 *   closed or reset after writing                ECONNRESET, EPIPE, UND_ERR_SOCKET        -> maybe sent
 *   anything else                                                                         -> maybe sent
 *
 * Never sent is a ConnectionError (safe to retry any operation); everything else is a TimeoutError
 * with requestMayHaveBeenSent: true, because nothing proves the request stayed here.
 */
import { ConnectionError, TimeoutError } from './errors.js';

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

/** The HTTP client's own time limit ran out: the provider may have the request and answer late. */
const TIMED_OUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The connection broke after the request may have been written. */
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ERR_CANCELED', 'UND_ERR_SOCKET']);

export interface TransportFailure {
  /** The code of the error or of the first of its causes that has one, e.g. `ECONNREFUSED`. */
  readonly code: string;
  readonly kind: 'neverSent' | 'timedOut' | 'broken' | 'unknown';
  /**
   * The code is one a network layer raises (listed above, `ERR_SSL_*`, `UND_ERR_*`): an adapter
   * whose errors mix transport failures with its own (an SDK's) can tell them apart by it.
   */
  readonly network: boolean;
}

/** What a failed exchange's error says about the request; undefined when no code is found on it or its causes. */
export function transportFailureOf(error: unknown): TransportFailure | undefined {
  let code: string | undefined;
  let syscall: string | undefined;
  const seen = new Set<unknown>();
  for (let current: unknown = error; typeof current === 'object' && current !== null && !seen.has(current); ) {
    seen.add(current);
    const fields = current as { code?: unknown; syscall?: unknown; cause?: unknown; errors?: unknown };
    code ??= typeof fields.code === 'string' ? fields.code : undefined;
    // The innermost syscall wins: it names what the socket itself was doing.
    if (typeof fields.syscall === 'string') syscall = fields.syscall;
    current = fields.cause ?? (Array.isArray(fields.errors) ? fields.errors[0] : undefined);
  }
  if (code === undefined) return undefined;
  const ssl = code.startsWith('ERR_SSL_');
  const network = NEVER_SENT.has(code) || TIMED_OUT.has(code) || BROKEN.has(code) || ssl || code.startsWith('UND_ERR');
  if (NEVER_SENT.has(code) || ssl || syscall === 'connect' || syscall === 'getaddrinfo') return { code, kind: 'neverSent', network };
  if (TIMED_OUT.has(code)) return { code, kind: 'timedOut', network };
  return { code, kind: BROKEN.has(code) ? 'broken' : 'unknown', network };
}

export interface TransportErrorContext {
  readonly integration: string;
  readonly operation: string;
  /** Who was called, for messages: a provider's name (`Twilio`) or a host, never a path or query (a query may hold a secret). */
  readonly peer: string;
  /** The HTTP client's time limit, when it is the one that ran out. */
  readonly timeoutMs?: number;
  /** Carried as `cause` when the adapter knows it holds no credentials (an SDK's transport error may: leave it out). */
  readonly cause?: unknown;
}

/** The runtime error for an exchange that failed without an answer. */
export function transportError(error: unknown, context: TransportErrorContext): ConnectionError | TimeoutError {
  const { integration, peer } = context;
  const failure = transportFailureOf(error);
  const code = failure?.code ?? (error instanceof Error ? error.name : 'unknown error');
  const where = `${integration} ${context.operation}`;
  const common = { integration, ...(context.cause !== undefined && { cause: context.cause }) };
  switch (failure?.kind ?? 'unknown') {
    case 'neverSent':
      return new ConnectionError(`${where}: could not connect to ${peer} (${code}); the request was not sent`, common);
    case 'timedOut': {
      const limit = context.timeoutMs !== undefined ? ` within ${context.timeoutMs} ms` : '';
      return new TimeoutError(`${where}: ${peer} did not answer${limit} (${code}); the request may have reached ${peer}`, {
        ...common,
        requestMayHaveBeenSent: true,
        ...(context.timeoutMs !== undefined && { timeoutMs: context.timeoutMs }),
      });
    }
    case 'broken':
      return new TimeoutError(`${where}: the connection to ${peer} broke before an answer arrived (${code}); the request may have reached ${peer}`, {
        ...common,
        requestMayHaveBeenSent: true,
      });
    case 'unknown':
      return new TimeoutError(`${where}: the request to ${peer} failed without an answer (${code}); it may have reached ${peer}`, {
        ...common,
        requestMayHaveBeenSent: true,
      });
  }
}
