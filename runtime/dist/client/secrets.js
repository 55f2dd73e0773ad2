/**
 * Secret values (API keys, auth tokens) travel through the client wrapped in `Secret`, so the
 * ordinary ways values end up in logs (`console.log`, `JSON.stringify`, string interpolation,
 * error messages) print `***`. Only `reveal()` hands the value out, at the one place an adapter
 * passes it to the provider SDK.
 */
import { ConfigurationError } from './errors.js';
const MASK = '***';
export class Secret {
    // A private field is invisible to Object.keys, spread, util.inspect (even showHidden) and structuredClone.
    #value;
    constructor(value) {
        if (typeof value !== 'string')
            throw new TypeError(`Secret expects a string, got ${typeof value}`);
        this.#value = value;
    }
    reveal() {
        return this.#value;
    }
    toString() {
        return MASK;
    }
    toJSON() {
        return MASK;
    }
    // Template literals and `+` go through ToPrimitive, which would otherwise fall back to valueOf.
    [Symbol.toPrimitive]() {
        return MASK;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return MASK;
    }
}
export function envSecretProvider(env = process.env) {
    return { get: (name) => env[name] };
}
const REFERENCE_PREFIX = 'env://';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Turns a user-supplied secret set into Secrets. Each string is a literal value or an
 * `env://NAME` reference resolved through `provider`. Every unresolved reference is collected
 * into one ConfigurationError that names the field and the reference, never a value.
 * Non-string values pass through untouched so the schema validator reports them with its own
 * wording (a number where a string belongs is a schema problem, not a resolution problem).
 */
export async function resolveSecrets(input, provider = envSecretProvider(), options = {}) {
    const issues = [];
    const output = {};
    const pathOf = (field) => (options.pathPrefix ? `${options.pathPrefix}.${field}` : field);
    await Promise.all(Object.entries(input).map(async ([field, value]) => {
        if (typeof value !== 'string' || !value.startsWith(REFERENCE_PREFIX)) {
            output[field] = typeof value === 'string' ? new Secret(value) : value;
            return;
        }
        const name = value.slice(REFERENCE_PREFIX.length);
        if (!ENV_NAME.test(name)) {
            issues.push({ path: pathOf(field), message: `"${value}" is not a valid env:// reference (expected env://NAME)` });
            return;
        }
        let resolved;
        try {
            resolved = await provider.get(name);
        }
        catch (error) {
            issues.push({ path: pathOf(field), message: `reading ${value} failed: ${describe(error)}` });
            return;
        }
        // An empty variable is almost always a deployment mistake, never a usable credential.
        if (resolved === undefined || resolved === '') {
            issues.push({ path: pathOf(field), message: `${value} is not set: ${name} has no value` });
            return;
        }
        output[field] = new Secret(resolved);
    }));
    if (issues.length > 0) {
        issues.sort((a, b) => a.path.localeCompare(b.path));
        throw new ConfigurationError(issues, { integration: options.integration });
    }
    return output;
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
/**
 * Replaces every occurrence of each secret's value with `***`. Used on provider error messages,
 * which sometimes echo request data. The URL-encoded form is scrubbed too, because secrets
 * most often leak inside URLs (query strings, basic-auth userinfo) quoted in error text.
 */
export function redactSecrets(text, secrets) {
    const needles = new Set();
    for (const secret of secrets) {
        const value = secret.reveal();
        if (value === '')
            continue;
        needles.add(value);
        needles.add(encodeURIComponent(value));
    }
    // Longest first, so a secret that contains another is not left half-masked.
    let result = text;
    for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
        result = result.split(needle).join(MASK);
    }
    return result;
}
//# sourceMappingURL=secrets.js.map