/**
 * The errors every generated client and adapter throws. Callers branch on `code` (stable
 * strings, safe to log and to switch on) or on the class; `retryable` answers the one question
 * a caller's own retry loop needs answered without knowing the operation.
 *
 * Messages never contain secret values: adapters build them from provider responses, and the
 * kernel scrubs every message it lets out with `redactSecrets` (see kernel.ts).
 */
export type IntegrationErrorCode = 'CONFIGURATION' | 'AUTHENTICATION' | 'INVALID_INPUT' | 'RATE_LIMITED' | 'PROVIDER' | 'TEMPLATE_REQUIRED' | 'TIMEOUT' | 'CONNECTION' | 'SIGNATURE' | 'NOT_IMPLEMENTED';
/** One problem in a config, secret set or operation input, located by a dotted path. */
export interface Issue {
    readonly path: string;
    readonly message: string;
}
export interface IntegrationErrorOptions {
    /** Integration key, e.g. `sms.twilio`. The kernel fills it in when an adapter leaves it out. */
    readonly integration?: string;
    readonly cause?: unknown;
}
/**
 * Base class. `retryable` means "sending the same request again later is safe AND may
 * succeed", whatever the operation: it is false whenever a re-send could duplicate a side
 * effect (a timed-out send), so a caller may trust it without knowing about idempotency.
 */
export declare class IntegrationError extends Error {
    readonly code: IntegrationErrorCode | (string & {});
    /** Mutable only so the kernel can attribute an adapter's error to its integration. */
    integration?: string;
    readonly retryable: boolean;
    constructor(message: string, options: IntegrationErrorOptions & {
        readonly code: IntegrationErrorCode | (string & {});
        readonly retryable?: boolean;
    });
    /** Structured-logging shape: everything but `cause` and `stack`, which may hold provider internals. */
    toJSON(): Record<string, unknown>;
}
/** Config or secrets are missing or invalid: nothing was sent, and retrying will not help. */
export declare class ConfigurationError extends IntegrationError {
    readonly issues: readonly Issue[];
    constructor(issues: readonly Issue[], options?: IntegrationErrorOptions);
}
/** The provider rejected the credentials (HTTP 401/403, Twilio 20003). */
export declare class AuthenticationError extends IntegrationError {
    readonly status?: number;
    readonly providerCode?: number | string;
    constructor(message: string, options?: IntegrationErrorOptions & {
        readonly status?: number;
        readonly providerCode?: number | string;
    });
}
/** The operation input is invalid, found before sending (validator) or reported by the provider. */
export declare class InvalidInputError extends IntegrationError {
    readonly issues: readonly Issue[];
    constructor(issues: readonly Issue[], options?: IntegrationErrorOptions);
}
export interface RateLimitedErrorOptions extends IntegrationErrorOptions {
    /**
     * `local`: our own limiter's queue is full, nothing was sent.
     * `provider`: the provider refused the request (HTTP 429, Twilio 20429) without acting on it.
     */
    readonly source: 'local' | 'provider';
    /** From the provider's Retry-After, when it sent one. */
    readonly retryAfterMs?: number;
    readonly status?: number;
    readonly providerCode?: number | string;
    readonly message?: string;
}
/** Too many requests. Either way nothing went out, so retrying later is safe. */
export declare class RateLimitedError extends IntegrationError {
    readonly source: 'local' | 'provider';
    readonly retryAfterMs?: number;
    readonly status?: number;
    readonly providerCode?: number | string;
    constructor(options: RateLimitedErrorOptions);
}
export interface ProviderErrorOptions extends IntegrationErrorOptions {
    readonly status?: number;
    readonly providerCode?: number | string;
    /** The provider's page for this error code (Twilio's `moreInfo`). */
    readonly docsUrl?: string;
    /**
     * Only an adapter that knows the provider did nothing may say so; defaults to false. It
     * informs callers' own retry decisions; the kernel's retries follow retry.ts (status >= 500,
     * idempotent operations only).
     */
    readonly retryable?: boolean;
}
/** The provider answered with an error the adapter has no more specific class for. */
export declare class ProviderError extends IntegrationError {
    readonly status?: number;
    readonly providerCode?: number | string;
    readonly docsUrl?: string;
    constructor(message: string, options?: ProviderErrorOptions & {
        readonly code?: IntegrationErrorCode | (string & {});
    });
}
/**
 * A free-form chat message was refused because the recipient's 24-hour conversation window is
 * closed (Twilio 63016): only an approved template (contentSid + contentVariables) can be sent.
 */
export declare class TemplateRequiredError extends ProviderError {
    constructor(message?: string, options?: ProviderErrorOptions);
}
export interface TimeoutErrorOptions extends IntegrationErrorOptions {
    /**
     * true: the request may have reached the provider and been acted on (a message may have gone
     * out); re-sending a non-idempotent request could duplicate it. false: it never left.
     */
    readonly requestMayHaveBeenSent: boolean;
    readonly timeoutMs?: number;
}
export declare class TimeoutError extends IntegrationError {
    readonly requestMayHaveBeenSent: boolean;
    readonly timeoutMs?: number;
    constructor(message: string, options: TimeoutErrorOptions);
}
/**
 * The connection failed before the request was sent (DNS, refused, TLS): the provider never saw
 * it, so it is safe to retry any operation. Adapters must use TimeoutError when unsure.
 */
export declare class ConnectionError extends IntegrationError {
    readonly requestSent: false;
    constructor(message: string, options?: IntegrationErrorOptions);
}
/** An inbound webhook's signature is missing or does not match: treat the request as forged. */
export declare class SignatureError extends IntegrationError {
    constructor(message?: string, options?: IntegrationErrorOptions);
}
/** The adapter does not implement this operation (yet): a `contractgen new` stub. */
export declare class NotImplementedError extends IntegrationError {
    readonly operation: string;
    constructor(operation: string, options?: IntegrationErrorOptions);
}
export declare function isIntegrationError(value: unknown): value is IntegrationError;
//# sourceMappingURL=errors.d.ts.map