/**
 * Scrubs secret values out of an error before it leaves the client. Providers and HTTP
 * libraries sometimes quote the request (a URL with credentials, a header) in their messages,
 * and loggers print `message`, `stack` and the `cause` chain, so all of them are rewritten.
 */
import { redactSecrets } from './secrets.js';
/** Rewrites, in place, the message, stack and issue messages of `error` and of every error it wraps. */
export function redactError(error, secrets) {
    if (secrets.length === 0)
        return;
    const seen = new Set();
    const visit = (value) => {
        if (!(value instanceof Error) || seen.has(value))
            return;
        seen.add(value);
        // The stack is a separate string: V8 may already have formatted it with the original message.
        redactField(value, 'stack', secrets);
        redactField(value, 'message', secrets);
        const issues = value.issues;
        if (Array.isArray(issues))
            for (const issue of issues)
                redactField(issue, 'message', secrets);
        visit(value.cause);
        if (value instanceof AggregateError)
            value.errors.forEach(visit);
    };
    visit(error);
}
function redactField(target, field, secrets) {
    if (target === null || typeof target !== 'object')
        return;
    const record = target;
    const text = record[field];
    if (typeof text !== 'string')
        return;
    const clean = redactSecrets(text, secrets);
    if (clean === text)
        return;
    try {
        record[field] = clean;
    }
    catch {
        // Frozen or read-only: it cannot be scrubbed in place. Our own errors are never frozen.
    }
}
//# sourceMappingURL=redact-error.js.map