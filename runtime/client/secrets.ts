/**
 * Secret values (API keys, auth tokens) travel through the client wrapped in `Secret`, so the
 * ordinary ways values end up in logs (`console.log`, `JSON.stringify`, string interpolation,
 * error messages) print `***`. Only `reveal()` hands the value out, at the one place an adapter
 * passes it to the provider SDK.
 */
import { ConfigurationError, type Issue } from './errors.js';
import { secretEncodings } from './secret-encodings.js';

const MASK = '***';

export class Secret {
  // A private field is invisible to Object.keys, spread, util.inspect (even showHidden) and structuredClone.
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') throw new TypeError(`Secret expects a string, got ${typeof value}`);
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  // Template literals and `+` go through ToPrimitive, which would otherwise fall back to valueOf.
  [Symbol.toPrimitive](): string {
    return MASK;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return MASK;
  }
}

/** Where `env://NAME` references are looked up: process.env by default, or a vault client. */
export interface SecretProvider {
  get(name: string): string | undefined | Promise<string | undefined>;
}

export function envSecretProvider(env: Readonly<Record<string, string | undefined>> = process.env): SecretProvider {
  return { get: (name) => env[name] };
}

const REFERENCE_PREFIX = 'env://';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What resolveSecrets returns for an input shape: strings and Secrets become Secrets, other values are kept. */
export type ResolvedSecrets<T> = { [K in keyof T]: T[K] extends string | Secret ? Secret : T[K] };

export interface ResolveSecretsOptions {
  /** Integration key, so the error says whose secrets are incomplete. */
  readonly integration?: string;
  /** Prefix for issue paths, e.g. `secrets` -> `secrets.authToken`. */
  readonly pathPrefix?: string;
}

/**
 * Turns a user-supplied secret set into Secrets. Each string is a literal value or an
 * `env://NAME` reference resolved through `provider`. Every unresolved reference is collected
 * into one ConfigurationError that names the field and what went wrong, never a value: a
 * malformed reference is not quoted (it is often the secret pasted in by mistake), nor is a
 * provider's error text (a vault client may quote what it read).
 * Non-string values pass through untouched so the schema validator reports them with its own
 * wording (a number where a string belongs is a schema problem, not a resolution problem).
 */
export async function resolveSecrets<T extends Record<string, unknown>>(
  input: T,
  provider: SecretProvider = envSecretProvider(),
  options: ResolveSecretsOptions = {},
): Promise<ResolvedSecrets<T>> {
  const issues: Issue[] = [];
  const output: Record<string, unknown> = {};
  const pathOf = (field: string) => (options.pathPrefix ? `${options.pathPrefix}.${field}` : field);

  await Promise.all(
    Object.entries(input).map(async ([field, value]) => {
      if (typeof value !== 'string' || !value.startsWith(REFERENCE_PREFIX)) {
        output[field] = typeof value === 'string' ? new Secret(value) : value;
        return;
      }
      const name = value.slice(REFERENCE_PREFIX.length);
      if (!ENV_NAME.test(name)) {
        issues.push({ path: pathOf(field), message: 'is not a valid env:// reference: expected env://NAME, a name of letters, digits and _ not starting with a digit' });
        return;
      }
      let resolved: string | undefined;
      try {
        resolved = await provider.get(name);
      } catch (error) {
        issues.push({ path: pathOf(field), message: `reading ${value} failed: the secret provider threw ${errorKind(error)} (its message is not shown: it may quote the secret)` });
        return;
      }
      // An empty variable is almost always a deployment mistake, never a usable credential.
      if (resolved === undefined || resolved === '') {
        issues.push({ path: pathOf(field), message: `${value} is not set: ${name} has no value` });
        return;
      }
      output[field] = new Secret(resolved);
    }),
  );

  if (issues.length > 0) {
    issues.sort((a, b) => a.path.localeCompare(b.path));
    throw new ConfigurationError(issues, { integration: options.integration });
  }
  return output as ResolvedSecrets<T>;
}

/** The class of what a provider threw (`TypeError`), never its message. */
function errorKind(error: unknown): string {
  const name = error instanceof Error ? error.name : undefined;
  return name && /^[A-Za-z_$][\w$]{0,60}$/.test(name) ? `a ${name}` : 'an error';
}

/**
 * Masks a client's secrets in text, in every encoding they can appear in (see
 * secret-encodings.ts: URL- and form-encoded, JSON-escaped, base64 alone or inside
 * `Basic base64(user:password)`). The encodings are computed once, when the redactor is built,
 * so a client builds one and redacting an error is only substring searches.
 */
export class SecretRedactor {
  readonly #needles: readonly string[];

  constructor(secrets: Iterable<Secret>) {
    this.#needles = secretEncodings([...secrets].map((secret) => secret.reveal()));
  }

  /** Whether there is anything to mask at all. */
  get empty(): boolean {
    return this.#needles.length === 0;
  }

  /**
   * Replaces each stretch of text covered by any occurrence of any needle with one `***`.
   * Masking the union of the matches (rather than replacing needles one by one) leaves no
   * fragment behind when two encodings overlap or touch.
   */
  redact(text: string): string {
    let ranges: [number, number][] | undefined;
    for (const needle of this.#needles) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) (ranges ??= []).push([at, at + needle.length]);
    }
    if (!ranges) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let result = '';
    let cursor = 0;
    for (let i = 0; i < ranges.length; ) {
      const start = ranges[i]![0];
      let end = ranges[i]![1];
      for (i++; i < ranges.length && ranges[i]![0] <= end; i++) end = Math.max(end, ranges[i]![1]);
      result += text.slice(cursor, start) + MASK;
      cursor = end;
    }
    return result + text.slice(cursor);
  }
}

/** Masks `secrets` in `text` once; a client keeps a SecretRedactor instead of calling this per error. */
export function redactSecrets(text: string, secrets: Iterable<Secret>): string {
  return new SecretRedactor(secrets).redact(text);
}
