export declare class Secret {
    #private;
    constructor(value: string);
    reveal(): string;
    toString(): string;
    toJSON(): string;
    [Symbol.toPrimitive](): string;
}
/** Where `env://NAME` references are looked up: process.env by default, or a vault client. */
export interface SecretProvider {
    get(name: string): string | undefined | Promise<string | undefined>;
}
export declare function envSecretProvider(env?: Readonly<Record<string, string | undefined>>): SecretProvider;
/** What resolveSecrets returns for an input shape: strings and Secrets become Secrets, other values are kept. */
export type ResolvedSecrets<T> = {
    [K in keyof T]: T[K] extends string | Secret ? Secret : T[K];
};
export interface ResolveSecretsOptions {
    /** Integration key, so the error says whose secrets are incomplete. */
    readonly integration?: string;
    /** Prefix for issue paths, e.g. `secrets` -> `secrets.authToken`. */
    readonly pathPrefix?: string;
}
/**
 * Turns a user-supplied secret set into Secrets. Each string is a literal value or an
 * `env://NAME` reference resolved through `provider`. Every unresolved reference is collected
 * into one ConfigurationError that names the field and the reference, never a value.
 * Non-string values pass through untouched so the schema validator reports them with its own
 * wording (a number where a string belongs is a schema problem, not a resolution problem).
 */
export declare function resolveSecrets<T extends Record<string, unknown>>(input: T, provider?: SecretProvider, options?: ResolveSecretsOptions): Promise<ResolvedSecrets<T>>;
/**
 * Replaces every occurrence of each secret's value with `***`. Used on provider error messages,
 * which sometimes echo request data. The URL-encoded form is scrubbed too, because secrets
 * most often leak inside URLs (query strings, basic-auth userinfo) quoted in error text.
 */
export declare function redactSecrets(text: string, secrets: Iterable<Secret>): string;
//# sourceMappingURL=secrets.d.ts.map