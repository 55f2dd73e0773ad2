/**
 * The one place where Twilio failures become runtime errors. What is Twilio's lives here (its
 * exceptions, its code table); what holds for every provider comes from @contractgen/runtime:
 * which transport failures leave a request unsent (transport-failure.ts), what each kind of error
 * answer becomes (provider-failure.ts), Retry-After.
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
 * | 21211, 21604, 21614, 63024 (To); 21212, 21603, 21606 (From); 21602, 21617 (Body); 21620, 21623 (MediaUrl); 21655 (ContentSid); 21656 (ContentVariables); 20404 on a message lookup (Sid) | InvalidInputError (a ProviderInvalidInputError carrying status, providerCode, docsUrl), issue path = the operation input field |
 * | 21408, 21608, 21610, 21612, 30003-30008, 63003, 63007, 63015, any other 4xx | ProviderError{status, providerCode, docsUrl} |
 * | HTTP 5xx                                                    | ProviderError{status} (the kernel retries it for idempotent operations only) |
 * | ECONNREFUSED, ENOTFOUND, EAI_AGAIN, EHOSTUNREACH, ENETUNREACH, connect ETIMEDOUT, TLS errors | ConnectionError (never sent)   |
 * | axios timeout (ECONNABORTED / ETIMEDOUT), ECONNRESET, EPIPE, socket hang up, any other | TimeoutError{requestMayHaveBeenSent: true} |
 *
 * Messages quote Twilio's own explanation, code and docs link, which the client's kernel redacts
 * like every string of an error it lets out. The SDK's exception (its `details`, a problem+json
 * body's `type`/`title`/`instance`) and the HTTP library's transport error (its request config,
 * Authorization header and sockets) are never carried as `cause`: what the error says is built
 * here, field by field, so nothing raw from the provider or the transport rides along.
 */
import {
  IntegrationError,
  kindOfStatus,
  parseRetryAfter,
  ProviderError,
  ProviderInvalidInputError,
  providerFailureError,
  transportError,
  transportFailureOf,
  type ProviderFailureKind,
} from '@contractgen/runtime';
import { redactTransportError } from './redact.js';

// The package's earlier names, kept for its callers: the runtime's one class for every provider, its one Retry-After parser.
export { ProviderInvalidInputError as TwilioInvalidInputError, parseRetryAfter };

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

type CodeRule =
  | { readonly kind: Exclude<ProviderFailureKind, 'invalidInput'>; readonly summary: string }
  | { readonly kind: 'invalidInput'; readonly parameter: TwilioParameter; readonly summary: string };

/**
 * Twilio error codes the adapters treat specially, with a short secret-free summary each
 * (https://www.twilio.com/docs/api/errors/<code>). Codes not listed fall back to the HTTP status.
 */
export const TWILIO_ERROR_CODES: Readonly<Record<number, CodeRule>> = {
  20003: { kind: 'authentication', summary: 'authentication failed: wrong account SID or auth token' },
  20005: { kind: 'authentication', summary: 'the account is not active (suspended or closed)' },
  20404: { kind: 'invalidInput', parameter: 'Sid', summary: 'no such resource in this account' },
  20429: { kind: 'rateLimited', summary: 'too many concurrent requests' },
  21211: { kind: 'invalidInput', parameter: 'To', summary: "invalid 'To' phone number" },
  21212: { kind: 'invalidInput', parameter: 'From', summary: "invalid 'From' phone number" },
  21408: { kind: 'provider', summary: "sending to the 'To' number's region is not enabled for this account (geo permissions)" },
  21602: { kind: 'invalidInput', parameter: 'Body', summary: 'message body is required' },
  21603: { kind: 'invalidInput', parameter: 'From', summary: "a 'From' number is required" },
  21604: { kind: 'invalidInput', parameter: 'To', summary: "a 'To' number is required" },
  21606: { kind: 'invalidInput', parameter: 'From', summary: "the 'From' number is not a valid, message-capable number of this account" },
  21608: { kind: 'provider', summary: 'trial accounts can only send to verified numbers' },
  21610: { kind: 'provider', summary: 'the recipient has opted out (replied STOP); do not retry' },
  21611: { kind: 'rateLimited', summary: "the 'From' number's outbound queue is full" },
  21612: { kind: 'provider', summary: "the 'To' number cannot be reached on this channel" },
  21614: { kind: 'invalidInput', parameter: 'To', summary: "the 'To' number is not a valid mobile number" },
  21617: { kind: 'invalidInput', parameter: 'Body', summary: 'message body exceeds the 1600 character limit' },
  21620: { kind: 'invalidInput', parameter: 'MediaUrl', summary: 'invalid media URL' },
  21623: { kind: 'invalidInput', parameter: 'MediaUrl', summary: 'too many media files' },
  21655: { kind: 'invalidInput', parameter: 'ContentSid', summary: 'the ContentSid (template id) is invalid for this account' },
  21656: { kind: 'invalidInput', parameter: 'ContentVariables', summary: 'ContentVariables is not a valid JSON object of template variables' },
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
  63024: { kind: 'invalidInput', parameter: 'To', summary: 'invalid WhatsApp recipient' },
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
  const transport = transportFailureOf(error);
  // A plain Error with a code that is not a network code is not a transport failure.
  if (transport && (transport.network || isAxiosError(error))) {
    // The axios error is not carried: its request config holds the Authorization header and sockets.
    return transportError(error, { integration: context.integration, operation: context.operation, peer: 'Twilio', ...axiosTimeout(error) });
  }
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
  const docs = docsUrl ? ` (${docsUrl})` : '';
  const codeText = http.code !== undefined ? `, Twilio code ${http.code}` : '';
  const explanation = http.message || rule?.summary || 'request failed';
  // A code about a parameter is the input's problem where the operation says which field it is.
  const path = rule?.kind === 'invalidInput' ? context.inputPaths?.[rule.parameter] : undefined;
  return providerFailureError({
    kind: rule?.kind ?? kindOfStatus(http.status),
    integration,
    message: `${integration} ${context.operation}: Twilio answered HTTP ${http.status}${codeText}: ${explanation}${docs}`,
    status: http.status,
    ...(http.code !== undefined && { providerCode: http.code }),
    ...(docsUrl !== undefined && { docsUrl }),
    ...(context.retryAfterMs !== undefined && { retryAfterMs: context.retryAfterMs }),
    ...(path !== undefined && { issue: { path, message: `Twilio ${http.code ?? http.status}: ${explanation}${docs}` } }),
  });
}

function asHttpFailure(error: unknown): HttpFailure | undefined {
  if (!(error instanceof Error) || isAxiosError(error)) return undefined;
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

function isAxiosError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Boolean((error as { isAxiosError?: unknown }).isAxiosError);
}

/** The limit of axios's own timeout (the SDK's `timeout` option), when that is what ran out. */
function axiosTimeout(error: unknown): { timeoutMs?: number } {
  const timeout = (error as { config?: { timeout?: unknown } }).config?.timeout;
  return typeof timeout === 'number' && timeout > 0 ? { timeoutMs: timeout } : {};
}
