/**
 * The errors every generated client and adapter throws. Callers branch on `code` (stable
 * strings, safe to log and to switch on) or on the class; `retryable` answers the one question
 * a caller's own retry loop needs answered without knowing the operation.
 *
 * Messages never contain secret values: adapters build them from provider responses, and the
 * kernel scrubs every message it lets out with `redactSecrets` (see kernel.ts).
 */
/**
 * Base class. `retryable` means "sending the same request again later is safe AND may
 * succeed", whatever the operation: it is false whenever a re-send could duplicate a side
 * effect (a timed-out send), so a caller may trust it without knowing about idempotency.
 */
export class IntegrationError extends Error {
    code;
    retryable;
    constructor(message, options) {
        // Passing `cause: undefined` would still create an own `cause` property; only pass a real one.
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.code = options.code;
        if (options.integration !== undefined)
            this.integration = options.integration;
        this.retryable = options.retryable ?? false;
    }
    /** Structured-logging shape: everything but `cause` and `stack`, which may hold provider internals. */
    toJSON() {
        return { ...this, name: this.name, message: this.message };
    }
}
// The name lives on the prototype (not as an own field) so minifiers cannot rename it and
// `JSON.stringify`/`util.inspect` do not repeat it on every instance.
function setName(errorClass, name) {
    Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true });
}
setName(IntegrationError, 'IntegrationError');
function listIssues(summary, issues) {
    const count = `${issues.length} issue${issues.length === 1 ? '' : 's'}`;
    return `${summary} (${count}):\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`;
}
function forIntegration(options) {
    return options?.integration ? ` for ${options.integration}` : '';
}
/** Config or secrets are missing or invalid: nothing was sent, and retrying will not help. */
export class ConfigurationError extends IntegrationError {
    issues;
    constructor(issues, options) {
        super(listIssues(`Invalid configuration${forIntegration(options)}`, issues), { ...options, code: 'CONFIGURATION' });
        this.issues = issues.map(({ path, message }) => ({ path, message }));
    }
    static {
        setName(this, 'ConfigurationError');
    }
}
/** The provider rejected the credentials (HTTP 401/403, Twilio 20003). */
export class AuthenticationError extends IntegrationError {
    constructor(message, options) {
        super(message, { ...options, code: 'AUTHENTICATION' });
        if (options?.status !== undefined)
            this.status = options.status;
        if (options?.providerCode !== undefined)
            this.providerCode = options.providerCode;
    }
    static {
        setName(this, 'AuthenticationError');
    }
}
/** The operation input is invalid, found before sending (validator) or reported by the provider. */
export class InvalidInputError extends IntegrationError {
    issues;
    constructor(issues, options) {
        super(listIssues(`Invalid input${forIntegration(options)}`, issues), { ...options, code: 'INVALID_INPUT' });
        this.issues = issues.map(({ path, message }) => ({ path, message }));
    }
    static {
        setName(this, 'InvalidInputError');
    }
}
/** Too many requests. Either way nothing went out, so retrying later is safe. */
export class RateLimitedError extends IntegrationError {
    source;
    constructor(options) {
        const message = options.message ??
            (options.source === 'local'
                ? `Rate limiter queue is full${forIntegration(options)}: too many calls are already waiting for a token`
                : `Provider rate limit exceeded${forIntegration(options)}`);
        super(message, { ...options, code: 'RATE_LIMITED', retryable: true });
        this.source = options.source;
        if (options.retryAfterMs !== undefined)
            this.retryAfterMs = options.retryAfterMs;
        if (options.status !== undefined)
            this.status = options.status;
        if (options.providerCode !== undefined)
            this.providerCode = options.providerCode;
    }
    static {
        setName(this, 'RateLimitedError');
    }
}
/** The provider answered with an error the adapter has no more specific class for. */
export class ProviderError extends IntegrationError {
    constructor(message, options) {
        super(message, { ...options, code: options?.code ?? 'PROVIDER' });
        if (options?.status !== undefined)
            this.status = options.status;
        if (options?.providerCode !== undefined)
            this.providerCode = options.providerCode;
        if (options?.docsUrl !== undefined)
            this.docsUrl = options.docsUrl;
    }
    static {
        setName(this, 'ProviderError');
    }
}
/**
 * A free-form chat message was refused because the recipient's 24-hour conversation window is
 * closed (Twilio 63016): only an approved template (contentSid + contentVariables) can be sent.
 */
export class TemplateRequiredError extends ProviderError {
    constructor(message, options) {
        super(message ??
            `Free-form messages can only be sent within 24 hours of the recipient's last message${forIntegration(options)}; send an approved template instead`, { ...options, code: 'TEMPLATE_REQUIRED' });
    }
    static {
        setName(this, 'TemplateRequiredError');
    }
}
export class TimeoutError extends IntegrationError {
    requestMayHaveBeenSent;
    constructor(message, options) {
        super(message, { ...options, code: 'TIMEOUT', retryable: !options.requestMayHaveBeenSent });
        this.requestMayHaveBeenSent = options.requestMayHaveBeenSent;
        if (options.timeoutMs !== undefined)
            this.timeoutMs = options.timeoutMs;
    }
    static {
        setName(this, 'TimeoutError');
    }
}
/**
 * The connection failed before the request was sent (DNS, refused, TLS): the provider never saw
 * it, so it is safe to retry any operation. Adapters must use TimeoutError when unsure.
 */
export class ConnectionError extends IntegrationError {
    requestSent = false;
    constructor(message, options) {
        super(message, { ...options, code: 'CONNECTION', retryable: true });
    }
    static {
        setName(this, 'ConnectionError');
    }
}
/** An inbound webhook's signature is missing or does not match: treat the request as forged. */
export class SignatureError extends IntegrationError {
    constructor(message = 'Webhook signature is missing or invalid', options) {
        super(message, { ...options, code: 'SIGNATURE' });
    }
    static {
        setName(this, 'SignatureError');
    }
}
/** The adapter does not implement this operation (yet): a `contractgen new` stub. */
export class NotImplementedError extends IntegrationError {
    operation;
    constructor(operation, options) {
        super(`Operation "${operation}" is not implemented${forIntegration(options)}`, { ...options, code: 'NOT_IMPLEMENTED' });
        this.operation = operation;
    }
    static {
        setName(this, 'NotImplementedError');
    }
}
export function isIntegrationError(value) {
    return value instanceof IntegrationError;
}
//# sourceMappingURL=errors.js.map