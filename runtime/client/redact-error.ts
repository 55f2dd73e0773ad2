/**
 * Scrubs secret values out of an error before it leaves the client. Providers and HTTP libraries
 * quote requests (a URL with credentials, an Authorization header, a body) anywhere: in `message`,
 * in fields of their own (a docs link, details, a problem+json `title`), in the errors they wrap.
 * Loggers print all of it: `message`, `stack`, own fields (JSON.stringify, util.inspect) and the
 * `cause` chain. So every string that can be reached from the error is redacted, in every encoding
 * the redactor knows, and what the error wraps is never handed on as it came: it is replaced by a
 * scrubbed copy made of plain data (errors keep their class, message and stack; anything else that
 * is not plain data, such as a socket or a buffer, shows as its class name only).
 */
import { SecretRedactor, type Secret } from './secrets.js';

/** How deep a wrapped value is copied; deeper data shows as `[...]`. */
const MAX_DEPTH = 12;

/**
 * Rewrites `error` in place: each own string field (message, stack, docsUrl, ...) is redacted, and
 * each own field holding an object (cause, issues, errors, details) is replaced by a scrubbed copy.
 * Pass the client's SecretRedactor: a list of secrets has its encodings computed per call.
 */
export function redactError(error: unknown, secrets: SecretRedactor | readonly Secret[]): void {
  const redactor = secrets instanceof SecretRedactor ? secrets : new SecretRedactor(secrets);
  if (redactor.empty || error === null || typeof error !== 'object') return;
  // The stack is formatted once, from the message at the time: it is a field of its own.
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = ownData(error, key);
    if (!descriptor) continue;
    const clean = scrubbed(descriptor.value, redactor, new Map(), 0);
    if (clean === descriptor.value) continue;
    try {
      Object.defineProperty(error, key, { ...descriptor, value: clean });
    } catch {
      // Frozen: it cannot be scrubbed. Our own errors never are; the kernel throws only those.
    }
  }
}

/** `value` with every reachable string redacted: itself when nothing needed changing and it is a string or primitive, else a copy. */
function scrubbed(value: unknown, redactor: SecretRedactor, copies: Map<object, unknown>, depth: number): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (depth >= MAX_DEPTH) return '[...]';
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(scrubbed(item, redactor, copies, depth + 1));
    return copy;
  }
  if (value instanceof Error) return errorCopy(value, redactor, copies, depth);
  if (value instanceof Date) return new Date(value.getTime());
  const prototype = Object.getPrototypeOf(value) as object | null;
  // Anything but plain data (a socket, an agent, a buffer, a map) may hold the raw request: only its name goes on.
  if (prototype !== Object.prototype && prototype !== null) return `[${value.constructor?.name ?? 'object'}]`;
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const [key, field] of dataFields(value)) copy[key] = scrubbed(field, redactor, copies, depth + 1);
  return copy;
}

/**
 * A wrapped error as a new object of the same class (its constructor is not called: the copy only
 * carries data), with its message, stack, cause and own fields scrubbed. Own fields keep whether
 * they are enumerable, so the copy prints as the original would.
 */
function errorCopy(error: Error, redactor: SecretRedactor, copies: Map<object, unknown>, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  copies.set(error, copy);
  for (const key of Reflect.ownKeys(error)) {
    if (typeof key === 'symbol') continue;
    const descriptor = ownData(error, key);
    if (!descriptor) continue;
    Object.defineProperty(copy, key, { value: scrubbed(descriptor.value, redactor, copies, depth + 1), enumerable: descriptor.enumerable ?? false, writable: true, configurable: true });
  }
  return copy;
}

/**
 * An own field as a data descriptor; undefined for a getter, which is not called (reading one may do
 * anything), except an error's `stack`: newer V8 versions install it as an accessor of their own.
 */
function ownData(target: object, key: string | symbol): PropertyDescriptor | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return undefined;
  if ('value' in descriptor) return descriptor;
  if (key !== 'stack' || !(target instanceof Error)) return undefined;
  try {
    return { value: target.stack, enumerable: descriptor.enumerable ?? false, writable: true, configurable: true };
  } catch {
    return undefined;
  }
}

/** Own data fields of a plain object (getters are not called: reading one may do anything). */
function dataFields(value: object): [string, unknown][] {
  const fields: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) fields.push([key, descriptor.value]);
  }
  return fields;
}
