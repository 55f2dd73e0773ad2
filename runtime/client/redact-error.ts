/**
 * Scrubs secret values out of an error before it leaves the client. Providers and HTTP
 * libraries sometimes quote the request (a URL with credentials, a header) in their messages,
 * and loggers print `message`, `stack` and the `cause` chain, so all of them are rewritten.
 */
import { SecretRedactor, type Secret } from './secrets.js';

/**
 * Rewrites, in place, the message, stack and issue messages of `error` and of every error it
 * wraps. Pass the client's SecretRedactor: a list of secrets has its encodings computed per call.
 */
export function redactError(error: unknown, secrets: SecretRedactor | readonly Secret[]): void {
  const redactor = secrets instanceof SecretRedactor ? secrets : new SecretRedactor(secrets);
  if (redactor.empty) return;
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (!(value instanceof Error) || seen.has(value)) return;
    seen.add(value);
    // The stack is a separate string: V8 may already have formatted it with the original message.
    redactField(value, 'stack', redactor);
    redactField(value, 'message', redactor);
    const issues = (value as { issues?: unknown }).issues;
    if (Array.isArray(issues)) for (const issue of issues) redactField(issue, 'message', redactor);
    visit(value.cause);
    if (value instanceof AggregateError) value.errors.forEach(visit);
  };
  visit(error);
}

function redactField(target: unknown, field: string, redactor: SecretRedactor): void {
  if (target === null || typeof target !== 'object') return;
  const record = target as Record<string, unknown>;
  const text = record[field];
  if (typeof text !== 'string') return;
  const clean = redactor.redact(text);
  if (clean === text) return;
  try {
    record[field] = clean;
  } catch {
    // Frozen or read-only: it cannot be scrubbed in place. Our own errors are never frozen.
  }
}
