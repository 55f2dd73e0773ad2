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
 * Messages quote Twilio's own explanation, code and docs link; never a credential. Transport
 * errors are kept as `cause` only after `redactTransportError` has removed the Authorization
 * header and the sockets that hold it.
 */
import { IntegrationError, InvalidInputError, type Issue } from '@contractgen/runtime';
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
export declare class TwilioInvalidInputError extends InvalidInputError {
    readonly status?: number;
    readonly providerCode?: number | string;
    readonly docsUrl?: string;
    constructor(issues: readonly Issue[], options: {
        integration?: string;
        cause?: unknown;
        status?: number;
        providerCode?: number | string;
        docsUrl?: string;
    });
}
type CodeRule = {
    readonly kind: 'authentication';
    readonly summary: string;
} | {
    readonly kind: 'rateLimited';
    readonly summary: string;
} | {
    readonly kind: 'templateRequired';
    readonly summary: string;
} | {
    readonly kind: 'input';
    readonly parameter: TwilioParameter;
    readonly summary: string;
} | {
    readonly kind: 'provider';
    readonly summary: string;
};
/**
 * Twilio error codes the adapters treat specially, with a short secret-free summary each
 * (https://www.twilio.com/docs/api/errors/<code>). Codes not listed fall back to the HTTP status.
 */
export declare const TWILIO_ERROR_CODES: Readonly<Record<number, CodeRule>>;
/** Short description of a Twilio error code, for status outputs whose errorMessage Twilio leaves empty. */
export declare function describeTwilioErrorCode(code: number | null | undefined): string | undefined;
/** Twilio's error page for a code, used when the response carried no `more_info`. */
export declare function twilioDocsUrl(code: number): string;
/**
 * Turns anything the twilio SDK (or its HTTP client) threw into an IntegrationError.
 * IntegrationErrors pass through untouched.
 */
export declare function mapTwilioError(error: unknown, context: TwilioErrorContext): IntegrationError;
/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable.
 * (The SDK's exceptions drop response headers; sdk.ts captures them per call.)
 */
export declare function parseRetryAfter(value: unknown, now?: number): number | undefined;
export {};
//# sourceMappingURL=errors.d.ts.map