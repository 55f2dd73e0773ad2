/**
 * The errors every generated client and adapter throws. Callers branch on `code` (stable
 * strings, safe to log and to switch on) or on the class; `retryable` answers the one question
 * a caller's own retry loop needs answered without knowing the operation.
 *
 * Messages never contain secret values: adapters build them from provider responses, and the
 * kernel scrubs every message it lets out with the client's SecretRedactor (see kernel.ts).
 */

export type IntegrationErrorCode =
  | 'CONFIGURATION'
  | 'AUTHENTICATION'
  | 'INVALID_INPUT'
  | 'RATE_LIMITED'
  | 'PROVIDER'
  | 'INVALID_RESPONSE'
  | 'TEMPLATE_REQUIRED'
  | 'TIMEOUT'
  | 'CONNECTION'
  | 'SIGNATURE'
  | 'NOT_IMPLEMENTED';

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
export class IntegrationError extends Error {
  readonly code: IntegrationErrorCode | (string & {});
  // Optional fields are `declare`d throughout: an absent value then stays absent instead of
  // becoming an own `undefined` property that clutters logs and `toJSON`.
  /** Mutable only so the kernel can attribute an adapter's error to its integration. */
  declare integration?: string;
  /**
   * The provider's id for the failed request (Twilio's `Twilio-Request-Id`), set by the client
   * when the adapter reported one: what the provider's support asks for. Safe to log.
   */
  declare requestId?: string;
  readonly retryable: boolean;

  constructor(
    message: string,
    options: IntegrationErrorOptions & { readonly code: IntegrationErrorCode | (string & {}); readonly retryable?: boolean },
  ) {
    // Passing `cause: undefined` would still create an own `cause` property; only pass a real one.
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    if (options.integration !== undefined) this.integration = options.integration;
    this.retryable = options.retryable ?? false;
  }

  /** Structured-logging shape: everything but `cause` and `stack`, which may hold provider internals. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

// The name lives on the prototype (not as an own field) so minifiers cannot rename it and
// `JSON.stringify`/`util.inspect` do not repeat it on every instance.
function setName(errorClass: { prototype: Error }, name: string): void {
  Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true });
}
setName(IntegrationError, 'IntegrationError');

function listIssues(summary: string, issues: readonly Issue[]): string {
  const count = `${issues.length} issue${issues.length === 1 ? '' : 's'}`;
  return `${summary} (${count}):\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`;
}

function forIntegration(options: IntegrationErrorOptions | undefined): string {
  return options?.integration ? ` for ${options.integration}` : '';
}

/** Config or secrets are missing or invalid: nothing was sent, and retrying will not help. */
export class ConfigurationError extends IntegrationError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], options?: IntegrationErrorOptions) {
    super(listIssues(`Invalid configuration${forIntegration(options)}`, issues), { ...options, code: 'CONFIGURATION' });
    this.issues = issues.map(({ path, message }) => ({ path, message }));
  }
  static {
    setName(this, 'ConfigurationError');
  }
}

/** The provider rejected the credentials (HTTP 401/403, Twilio 20003). */
export class AuthenticationError extends IntegrationError {
  declare readonly status?: number;
  declare readonly providerCode?: number | string;
  constructor(
    message: string,
    options?: IntegrationErrorOptions & { readonly status?: number; readonly providerCode?: number | string },
  ) {
    super(message, { ...options, code: 'AUTHENTICATION' });
    if (options?.status !== undefined) this.status = options.status;
    if (options?.providerCode !== undefined) this.providerCode = options.providerCode;
  }
  static {
    setName(this, 'AuthenticationError');
  }
}

/** The operation input is invalid, found before sending (validator) or reported by the provider. */
export class InvalidInputError extends IntegrationError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], options?: IntegrationErrorOptions) {
    super(listIssues(`Invalid input${forIntegration(options)}`, issues), { ...options, code: 'INVALID_INPUT' });
    this.issues = issues.map(({ path, message }) => ({ path, message }));
  }
  static {
    setName(this, 'InvalidInputError');
  }
}

/**
 * An InvalidInputError the provider reported (Twilio 21211 about `To`, an HTTP binding's
 * `invalidInput` rule): it keeps the provider's status, code and docs page. Its name stays
 * `InvalidInputError` (inherited): callers and logs see one class.
 */
export class ProviderInvalidInputError extends InvalidInputError {
  declare readonly status?: number;
  declare readonly providerCode?: number | string;
  declare readonly docsUrl?: string;
  constructor(issues: readonly Issue[], options?: IntegrationErrorOptions & { readonly status?: number; readonly providerCode?: number | string; readonly docsUrl?: string }) {
    super(issues, options);
    if (options?.status !== undefined) this.status = options.status;
    if (options?.providerCode !== undefined) this.providerCode = options.providerCode;
    if (options?.docsUrl !== undefined) this.docsUrl = options.docsUrl;
  }
}

export type RateLimitSource = 'local' | 'provider' | 'store';

export interface RateLimitedErrorOptions extends IntegrationErrorOptions {
  /**
   * `local`: our own limiter's queue is full, nothing was sent.
   * `provider`: the provider refused the request (HTTP 429, Twilio 20429) without acting on it.
   * `store`: the shared rate-limit store could not be reached and its policy is to fail closed
   * (`@contractgen/redis`'s default): nothing was sent, since nobody could say it was allowed.
   */
  readonly source: RateLimitSource;
  /** From the provider's Retry-After, when it sent one. */
  readonly retryAfterMs?: number;
  readonly status?: number;
  readonly providerCode?: number | string;
  readonly message?: string;
}

/** Too many requests. Either way nothing went out, so retrying later is safe. */
export class RateLimitedError extends IntegrationError {
  readonly source: RateLimitSource;
  declare readonly retryAfterMs?: number;
  declare readonly status?: number;
  declare readonly providerCode?: number | string;
  constructor(options: RateLimitedErrorOptions) {
    const message =
      options.message ??
      (options.source === 'local'
        ? `Rate limiter queue is full${forIntegration(options)}: too many calls are already waiting for a token`
        : options.source === 'store'
          ? `Rate-limit store unavailable${forIntegration(options)}: nothing was sent (the store fails closed)`
          : `Provider rate limit exceeded${forIntegration(options)}`);
    super(message, { ...options, code: 'RATE_LIMITED', retryable: true });
    this.source = options.source;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.status !== undefined) this.status = options.status;
    if (options.providerCode !== undefined) this.providerCode = options.providerCode;
  }
  static {
    setName(this, 'RateLimitedError');
  }
}

export interface ProviderErrorOptions extends IntegrationErrorOptions {
  readonly status?: number;
  readonly providerCode?: number | string;
  /** The provider's page for this error code (Twilio's `moreInfo`). */
  readonly docsUrl?: string;
  /**
   * Only an adapter that knows the provider did nothing (and that a later try may succeed) may
   * say so; defaults to false. The kernel then retries it for any operation (retry.ts); without
   * it, only a status >= 500 of an idempotent operation is retried.
   */
  readonly retryable?: boolean;
}

/** The provider answered with an error the adapter has no more specific class for. */
export class ProviderError extends IntegrationError {
  declare readonly status?: number;
  declare readonly providerCode?: number | string;
  declare readonly docsUrl?: string;
  constructor(message: string, options?: ProviderErrorOptions & { readonly code?: IntegrationErrorCode | (string & {}) }) {
    super(message, { ...options, code: options?.code ?? 'PROVIDER' });
    if (options?.status !== undefined) this.status = options.status;
    if (options?.providerCode !== undefined) this.providerCode = options.providerCode;
    if (options?.docsUrl !== undefined) this.docsUrl = options.docsUrl;
  }
  static {
    setName(this, 'ProviderError');
  }
}

/**
 * The provider answered, but not with what the operation promises (its output schema): a sent
 * message without an id, a field of the wrong type. The provider may well have acted on the
 * request (a 201 means the message exists), so it is not retryable: look it up before sending
 * again. `issues` name the fields and rules, never the values.
 */
export class InvalidResponseError extends ProviderError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], options?: ProviderErrorOptions & { readonly operation?: string }) {
    const what = `${options?.integration ?? 'the provider'}${options?.operation ? ` ${options.operation}` : ''}`;
    super(listIssues(`Invalid response from ${what}: it does not match the operation's output, and the request may have been acted on`, issues), {
      ...options,
      code: 'INVALID_RESPONSE',
      retryable: false,
    });
    this.issues = issues.map(({ path, message }) => ({ path, message }));
  }
  static {
    setName(this, 'InvalidResponseError');
  }
}

/**
 * A free-form chat message was refused because the recipient's 24-hour conversation window is
 * closed (Twilio 63016): only an approved template (contentSid + contentVariables) can be sent.
 */
export class TemplateRequiredError extends ProviderError {
  constructor(message?: string, options?: ProviderErrorOptions) {
    super(
      message ??
        `Free-form messages can only be sent within 24 hours of the recipient's last message${forIntegration(options)}; send an approved template instead`,
      { ...options, code: 'TEMPLATE_REQUIRED' },
    );
  }
  static {
    setName(this, 'TemplateRequiredError');
  }
}

export interface TimeoutErrorOptions extends IntegrationErrorOptions {
  /**
   * true: the request may have reached the provider and been acted on (a message may have gone
   * out); re-sending a non-idempotent request could duplicate it. false: it never left.
   */
  readonly requestMayHaveBeenSent: boolean;
  readonly timeoutMs?: number;
}

export class TimeoutError extends IntegrationError {
  readonly requestMayHaveBeenSent: boolean;
  declare readonly timeoutMs?: number;
  constructor(message: string, options: TimeoutErrorOptions) {
    super(message, { ...options, code: 'TIMEOUT', retryable: !options.requestMayHaveBeenSent });
    this.requestMayHaveBeenSent = options.requestMayHaveBeenSent;
    if (options.timeoutMs !== undefined) this.timeoutMs = options.timeoutMs;
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
  readonly requestSent = false as const;
  constructor(message: string, options?: IntegrationErrorOptions) {
    super(message, { ...options, code: 'CONNECTION', retryable: true });
  }
  static {
    setName(this, 'ConnectionError');
  }
}

/** An inbound webhook's signature is missing or does not match: treat the request as forged. */
export class SignatureError extends IntegrationError {
  constructor(message = 'Webhook signature is missing or invalid', options?: IntegrationErrorOptions) {
    super(message, { ...options, code: 'SIGNATURE' });
  }
  static {
    setName(this, 'SignatureError');
  }
}

/** The adapter does not implement this operation (yet): a `contractgen new` stub. */
export class NotImplementedError extends IntegrationError {
  readonly operation: string;
  constructor(operation: string, options?: IntegrationErrorOptions) {
    super(`Operation "${operation}" is not implemented${forIntegration(options)}`, { ...options, code: 'NOT_IMPLEMENTED' });
    this.operation = operation;
  }
  static {
    setName(this, 'NotImplementedError');
  }
}

export function isIntegrationError(value: unknown): value is IntegrationError {
  return value instanceof IntegrationError;
}
