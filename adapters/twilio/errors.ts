/**
 * The one place where Twilio failures become runtime errors.
 *
 * What the twilio SDK (6.x) throws, and what each becomes:
 *
 * - `RestException` (classic body `{ code, message, more_info, status }`) and
 *   `TwilioServiceException` (RFC 9457 body `{ type, title, status, code, detail }`) for every
 *   HTTP error status: mapped by Twilio error code first, then by HTTP status (table below).
 * - axios transport errors (`isAxiosError`) when no HTTP answer came back: mapped by whether the
 *   request can have reached Twilio. Refused / DNS / TLS failures happen before anything is sent
 *   (ConnectionError, safe to retry); a timeout or a reset connection may come after Twilio got
 *   the request (TimeoutError with requestMayHaveBeenSent: true, never re-sent for a send).
 * - a SyntaxError when a 2xx body is not JSON: Twilio acted on the request, but we cannot read
 *   the result (ProviderError, not retryable).
 *
 * | Twilio code / HTTP status                                   | runtime error                          |
 * |-------------------------------------------------------------|----------------------------------------|
 * | 20003, 20005, HTTP 401, HTTP 403                            | AuthenticationError                    |
 * | 20429, 21611, 63018, HTTP 429                               | RateLimitedError (source 'provider', retryAfterMs from Retry-After) |
 * | 63016                                                       | TemplateRequiredError                  |
 * | 21211, 21604, 21614, 63024 (To); 21212, 21603, 21606 (From); 21602, 21617 (Body); 21620, 21623 (MediaUrl); 21655 (ContentSid); 21656 (ContentVariables); 20404 on a message lookup (Sid) | InvalidInputError (a TwilioInvalidInputError carrying status, providerCode, docsUrl), issue path = the operation input field |
 * | 21408, 21608, 21610, 21612, 30003-30008, 63003, 63007, 63015, any other 4xx | ProviderError{status, providerCode, docsUrl} |
 * | HTTP 5xx                                                    | ProviderError{status} (the kernel retries it for idempotent operations only) |
 * | ECONNREFUSED, ENOTFOUND, EAI_AGAIN, EHOSTUNREACH, ENETUNREACH, connect ETIMEDOUT, TLS errors | ConnectionError (never sent)   |
 * | axios timeout (ECONNABORTED / ETIMEDOUT), ECONNRESET, EPIPE, socket hang up | TimeoutError{requestMayHaveBeenSent: true} |
 *
 * Messages quote Twilio's own explanation, code and docs link, which the client's kernel redacts
 * like every string of an error it lets out. The SDK's exception (its `details`, a problem+json
 * body's `type`/`title`/`instance`) and the HTTP library's transport error (its request config,
 * Authorization header and sockets) are never carried as `cause`: what the error says is built
 * here, field by field, so nothing raw from the provider or the transport rides along.
 */
import {
  AuthenticationError,
  ConnectionError,
  IntegrationError,
  InvalidInputError,
  ProviderError,
  RateLimitedError,
  TemplateRequiredError,
  TimeoutError,
  type Issue,
} from '@contractgen/runtime';
import { redactTransportError } from './redact.js';

/** Form parameter names of Twilio's Messages API that an error code can point at. */
export type TwilioParameter = 'To' | 'From' | 'Body' | 'MediaUrl' | 'ContentSid' | 'ContentVariables' | 'Sid';

export interface TwilioErrorContext {
  /** Integration key, e.g. `sms.twilio`. */
  readonly integration: string;
  /** Capability operation, e.g. `sendSms`; used in messages. */
  readonly operation: string;
  /**
   * Where each Twilio parameter sits in the operation's input, e.g. `{ To: 'to', Body: 'content.text' }`.
   * A Twilio code about a parameter listed here becomes an InvalidInputError at that path;
   * without a path it stays a ProviderError.
   */
  readonly inputPaths?: Partial<Record<TwilioParameter, string>>;
  /** From the response's Retry-After header, when the transport exposed it (see sdk.ts). */
  readonly retryAfterMs?: number;
}

/** An InvalidInputError that Twilio reported: it keeps Twilio's status, code and docs page. */
export class TwilioInvalidInputError extends InvalidInputError {
  declare readonly status?: number;
  declare readonly providerCode?: number | string;
  declare readonly docsUrl?: string;
  constructor(
    issues: readonly Issue[],
    options: { integration?: string; cause?: unknown; status?: number; providerCode?: number | string; docsUrl?: string },
  ) {
    super(issues, { integration: options.integration, cause: options.cause });
    if (options.status !== undefined) this.status = options.status;
    if (options.providerCode !== undefined) this.providerCode = options.providerCode;
    if (options.docsUrl !== undefined) this.docsUrl = options.docsUrl;
  }
  // The name stays `InvalidInputError` (inherited from the prototype): callers and logs see one class.
}

type CodeRule =
  | { readonly kind: 'authentication'; readonly summary: string }
  | { readonly kind: 'rateLimited'; readonly summary: string }
  | { readonly kind: 'templateRequired'; readonly summary: string }
  | { readonly kind: 'input'; readonly parameter: TwilioParameter; readonly summary: string }
  | { readonly kind: 'provider'; readonly summary: string };

/**
 * Twilio error codes the adapters treat specially, with a short secret-free summary each
 * (https://www.twilio.com/docs/api/errors/<code>). Codes not listed fall back to the HTTP status.
 */
export const TWILIO_ERROR_CODES: Readonly<Record<number, CodeRule>> = {
  20003: { kind: 'authentication', summary: 'authentication failed: wrong account SID or auth token' },
  20005: { kind: 'authentication', summary: 'the account is not active (suspended or closed)' },
  20404: { kind: 'input', parameter: 'Sid', summary: 'no such resource in this account' },
  20429: { kind: 'rateLimited', summary: 'too many concurrent requests' },
  21211: { kind: 'input', parameter: 'To', summary: "invalid 'To' phone number" },
  21212: { kind: 'input', parameter: 'From', summary: "invalid 'From' phone number" },
  21408: { kind: 'provider', summary: "sending to the 'To' number's region is not enabled for this account (geo permissions)" },
  21602: { kind: 'input', parameter: 'Body', summary: 'message body is required' },
  21603: { kind: 'input', parameter: 'From', summary: "a 'From' number is required" },
  21604: { kind: 'input', parameter: 'To', summary: "a 'To' number is required" },
  21606: { kind: 'input', parameter: 'From', summary: "the 'From' number is not a valid, message-capable number of this account" },
  21608: { kind: 'provider', summary: 'trial accounts can only send to verified numbers' },
  21610: { kind: 'provider', summary: 'the recipient has opted out (replied STOP); do not retry' },
  21611: { kind: 'rateLimited', summary: "the 'From' number's outbound queue is full" },
  21612: { kind: 'provider', summary: "the 'To' number cannot be reached on this channel" },
  21614: { kind: 'input', parameter: 'To', summary: "the 'To' number is not a valid mobile number" },
  21617: { kind: 'input', parameter: 'Body', summary: 'message body exceeds the 1600 character limit' },
  21620: { kind: 'input', parameter: 'MediaUrl', summary: 'invalid media URL' },
  21623: { kind: 'input', parameter: 'MediaUrl', summary: 'too many media files' },
  21655: { kind: 'input', parameter: 'ContentSid', summary: 'the ContentSid (template id) is invalid for this account' },
  21656: { kind: 'input', parameter: 'ContentVariables', summary: 'ContentVariables is not a valid JSON object of template variables' },
  30003: { kind: 'provider', summary: 'unreachable destination handset' },
  30004: { kind: 'provider', summary: 'message blocked by the recipient or carrier' },
  30005: { kind: 'provider', summary: 'unknown destination handset' },
  30006: { kind: 'provider', summary: 'landline or unreachable carrier' },
  30007: { kind: 'provider', summary: 'message filtered by the carrier' },
  30008: { kind: 'provider', summary: 'unknown delivery error' },
  63003: { kind: 'provider', summary: "the channel could not find the 'To' address" },
  63007: { kind: 'provider', summary: "no channel with the 'From' address exists in this account" },
  63015: { kind: 'provider', summary: 'sandbox recipient has not joined the WhatsApp sandbox' },
  63016: { kind: 'templateRequired', summary: "outside the recipient's 24-hour window: send an approved template" },
  63018: { kind: 'rateLimited', summary: 'WhatsApp rate limit exceeded for this sender' },
  63024: { kind: 'input', parameter: 'To', summary: 'invalid WhatsApp recipient' },
};

/** Short description of a Twilio error code, for status outputs whose errorMessage Twilio leaves empty. */
export function describeTwilioErrorCode(code: number | null | undefined): string | undefined {
  return code === null || code === undefined ? undefined : TWILIO_ERROR_CODES[code]?.summary;
}

/** Twilio's error page for a code, used when the response carried no `more_info`. */
export function twilioDocsUrl(code: number): string {
  return `https://www.twilio.com/docs/errors/${code}`;
}

/** What the SDK's RestException / TwilioServiceException carry. */
interface HttpFailure {
  readonly status: number;
  readonly code?: number;
  readonly message: string;
  readonly moreInfo?: string;
}

/**
 * Turns anything the twilio SDK (or its HTTP client) threw into an IntegrationError.
 * IntegrationErrors pass through untouched.
 */
export function mapTwilioError(error: unknown, context: TwilioErrorContext): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const http = asHttpFailure(error);
  if (http) return mapHttpFailure(http, context);
  const transport = transportCode(error);
  if (transport !== undefined) return mapTransportFailure(transport, context);
  const where = `${context.integration} ${context.operation}`;
  if (error instanceof SyntaxError) {
    // Only a 2xx body is parsed this way: Twilio accepted the request, the answer is unreadable
    // (the parser's message quotes the body, so it is not carried).
    return new ProviderError(`${where}: Twilio answered with a body that is not JSON; the request may have been acted on`, { integration: context.integration });
  }
  // Not Twilio's answer nor a transport failure: a bug, kept as cause (the kernel passes on only a scrubbed copy).
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return new ProviderError(`${where} failed: ${detail}`, { integration: context.integration, cause: redactTransportError(error) });
}

function mapHttpFailure(http: HttpFailure, context: TwilioErrorContext): IntegrationError {
  const { integration } = context;
  const rule = http.code !== undefined ? TWILIO_ERROR_CODES[http.code] : undefined;
  const docsUrl = http.moreInfo ?? (http.code !== undefined ? twilioDocsUrl(http.code) : undefined);
  const codeText = http.code !== undefined ? `, Twilio code ${http.code}` : '';
  const explanation = http.message || rule?.summary || 'request failed';
  const message = `${integration} ${context.operation}: Twilio answered HTTP ${http.status}${codeText}: ${explanation}${docsUrl ? ` (${docsUrl})` : ''}`;
  const common = { integration, status: http.status, ...(http.code !== undefined && { providerCode: http.code }) };

  const kind = rule?.kind ?? kindOfStatus(http.status);
  switch (kind) {
    case 'authentication':
      return new AuthenticationError(message, common);
    case 'rateLimited':
      return new RateLimitedError({
        ...common,
        source: 'provider',
        message,
        ...(context.retryAfterMs !== undefined && { retryAfterMs: context.retryAfterMs }),
      });
    case 'templateRequired':
      return new TemplateRequiredError(message, { ...common, ...(docsUrl && { docsUrl }) });
    case 'input': {
      const parameter = rule?.kind === 'input' ? rule.parameter : undefined;
      const path = parameter ? context.inputPaths?.[parameter] : undefined;
      if (path !== undefined) {
        const issue = `Twilio ${http.code ?? http.status}: ${explanation}${docsUrl ? ` (${docsUrl})` : ''}`;
        return new TwilioInvalidInputError([{ path, message: issue }], { ...common, ...(docsUrl && { docsUrl }) });
      }
      return new ProviderError(message, { ...common, ...(docsUrl && { docsUrl }) });
    }
    default:
      return new ProviderError(message, { ...common, ...(docsUrl && { docsUrl }) });
  }
}

function kindOfStatus(status: number): CodeRule['kind'] {
  if (status === 401 || status === 403) return 'authentication';
  if (status === 429) return 'rateLimited';
  return 'provider';
}

/** Failures that certainly happened before a single byte of the request left this machine. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
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

/** Failures after the request may have been written: the provider may have acted on it. */
const MAYBE_SENT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ERR_CANCELED', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);

interface TransportCode {
  readonly code: string;
  /** The syscall that failed, when Node says (`connect` means nothing was sent). */
  readonly syscall?: string;
  readonly timeoutMs?: number;
}

function mapTransportFailure(transport: TransportCode, context: TwilioErrorContext): IntegrationError {
  const { integration } = context;
  const where = `${integration} ${context.operation}`;
  const { code } = transport;
  if (NEVER_SENT.has(code) || code.startsWith('ERR_SSL_') || transport.syscall === 'connect' || transport.syscall === 'getaddrinfo') {
    return new ConnectionError(`${where}: could not connect to Twilio (${code}); the request was not sent`, { integration });
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    const limit = transport.timeoutMs !== undefined ? ` within ${transport.timeoutMs} ms` : '';
    return new TimeoutError(`${where}: Twilio did not answer${limit} (${code}); the request may have reached Twilio`, {
      integration,
      requestMayHaveBeenSent: true,
      ...(transport.timeoutMs !== undefined && { timeoutMs: transport.timeoutMs }),
    });
  }
  if (MAYBE_SENT.has(code)) {
    return new TimeoutError(`${where}: the connection to Twilio broke before an answer arrived (${code}); the request may have reached Twilio`, {
      integration,
      requestMayHaveBeenSent: true,
    });
  }
  // Unknown transport failure: we cannot prove the request stayed here, so it counts as maybe sent.
  return new TimeoutError(`${where}: the request to Twilio failed without an answer (${code}); it may have reached Twilio`, {
    integration,
    requestMayHaveBeenSent: true,
  });
}

function asHttpFailure(error: unknown): HttpFailure | undefined {
  if (!(error instanceof Error) || (error as { isAxiosError?: unknown }).isAxiosError) return undefined;
  const fields = error as Error & { status?: unknown; code?: unknown; moreInfo?: unknown; title?: unknown; detail?: unknown; type?: unknown };
  const status = typeof fields.status === 'number' && Number.isInteger(fields.status) ? fields.status : undefined;
  if (status === undefined || status < 300 || status > 599) return undefined;
  const code = typeof fields.code === 'number' && Number.isFinite(fields.code) && fields.code !== 0 ? fields.code : undefined;
  // RFC 9457 bodies (TwilioServiceException) explain themselves in `detail`, classic ones in `message`.
  const message = typeof fields.detail === 'string' && fields.detail ? fields.detail : typeof fields.message === 'string' ? fields.message : '';
  const moreInfo =
    typeof fields.moreInfo === 'string' && fields.moreInfo
      ? fields.moreInfo
      : typeof fields.type === 'string' && /^https?:\/\//.test(fields.type)
        ? fields.type
        : undefined;
  return { status, message, ...(code !== undefined && { code }), ...(moreInfo !== undefined && { moreInfo }) };
}

function transportCode(error: unknown): TransportCode | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const outer = error as { code?: unknown; syscall?: unknown; cause?: unknown; isAxiosError?: unknown; config?: { timeout?: unknown } };
  const inner = (typeof outer.cause === 'object' && outer.cause !== null ? outer.cause : {}) as { code?: unknown; syscall?: unknown };
  const code = typeof outer.code === 'string' ? outer.code : typeof inner.code === 'string' ? inner.code : undefined;
  if (code === undefined) return undefined;
  // A plain Error with a code that is not a network code is not a transport failure.
  if (!outer.isAxiosError && !NEVER_SENT.has(code) && !MAYBE_SENT.has(code) && !code.startsWith('ERR_SSL_') && !code.startsWith('UND_ERR')) return undefined;
  const syscall = typeof inner.syscall === 'string' ? inner.syscall : typeof outer.syscall === 'string' ? outer.syscall : undefined;
  const timeout = outer.config?.timeout;
  return {
    code,
    ...(syscall !== undefined && { syscall }),
    ...(typeof timeout === 'number' && timeout > 0 && (code === 'ECONNABORTED' || code === 'ETIMEDOUT') && { timeoutMs: timeout }),
  };
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable.
 * (The SDK's exceptions drop response headers; sdk.ts captures them per call.)
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const trimmed = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
