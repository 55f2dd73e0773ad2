/**
 * Scrubs secret values out of an error before it leaves the client. Providers and HTTP
 * libraries sometimes quote the request (a URL with credentials, a header) in their messages,
 * and loggers print `message`, `stack` and the `cause` chain, so all of them are rewritten.
 */
import { type Secret } from './secrets.js';
/** Rewrites, in place, the message, stack and issue messages of `error` and of every error it wraps. */
export declare function redactError(error: unknown, secrets: readonly Secret[]): void;
//# sourceMappingURL=redact-error.d.ts.map