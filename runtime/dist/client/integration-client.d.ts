/**
 * The behaviour of every generated client, written once. A generated `create<Name>Client` only
 * passes its spec constant, validators and operation table here and narrows the result's type.
 */
import type { IntegrationSpec } from '../spec/model.js';
import type { Validator } from '../validation/validator.js';
import type { HealthStatus } from './adapter.js';
import { type Clock } from './clock.js';
import type { RateLimitStore } from './rate-limit.js';
import type { RetryPolicy } from './retry.js';
import { Secret, type SecretProvider } from './secrets.js';
/** The parts of a spec a client needs at runtime. */
export type ClientSpec = Pick<IntegrationSpec, 'meta' | 'healthCheck' | 'constraints'>;
export interface OperationBinding {
    readonly input: Validator<unknown>;
    readonly idempotent: boolean;
}
/** What a generated client module passes in: its spec, validators and operations. */
export interface ClientDefinition {
    readonly spec: ClientSpec;
    readonly config: Validator<unknown>;
    readonly secrets: Validator<unknown>;
    readonly operations: Readonly<Record<string, OperationBinding>>;
    /** Whether the integration provides an events capability (the adapter then parses webhooks). */
    readonly webhooks: boolean;
}
/** Secret inputs: the value itself, a Secret, or an `env://NAME` reference. */
export type SecretInputs<Secrets> = {
    readonly [K in keyof Secrets]: Secrets[K] extends string ? string | Secret : Secrets[K] | Secret;
};
export interface ClientOptions<Config, Secrets> {
    readonly config: Config;
    readonly secrets: SecretInputs<Secrets>;
    /** Resolves `env://NAME` secret references; process.env by default. */
    readonly secretProvider?: SecretProvider;
    /** Time limit of one attempt of an operation, in ms (default 10,000). */
    readonly timeoutMs?: number;
    /** Shared rate-limit state for a fleet of senders; in-process by default. */
    readonly rateLimitStore?: RateLimitStore;
    /** Who shares the spec's rate limit (default: the integration key). */
    readonly rateLimitKey?: string;
    /** Callers that may wait for a rate-limit token before new ones are rejected (default 1,000). */
    readonly maxQueue?: number;
    readonly retry?: Omit<RetryPolicy, 'idempotent'>;
    readonly clock?: Clock;
}
export interface CallOptions {
    readonly signal?: AbortSignal;
    /** Overrides the client's per-attempt time limit for this call. */
    readonly timeoutMs?: number;
}
export interface HealthReport {
    readonly integration: string;
    readonly status: HealthStatus;
    readonly latencyMs: number;
    /** ISO 8601. */
    readonly checkedAt: string;
    readonly detail?: string;
    /** Why the probe failed; secret-free. */
    readonly error?: {
        readonly code: string;
        readonly message: string;
    };
}
export interface ClientBase {
    /** Probes the provider within the spec's healthCheck.timeoutMs; never throws. */
    checkHealth(options?: {
        readonly timeoutMs?: number;
        readonly signal?: AbortSignal;
    }): Promise<HealthReport>;
}
export declare const DEFAULT_OPERATION_TIMEOUT_MS = 10000;
/** Any adapter, whatever it is typed for: each generated client checks its own adapter's type. */
export interface AnyAdapter {
    readonly integration: string;
    readonly connect: (init: never) => unknown;
}
/** A health report for an integration, turning a configuration problem into a `down` report instead of an exception. */
export declare function checkIntegrationHealth(definitionOrLoader: ClientDefinition | DefinitionLoader, adapter: AnyAdapter | undefined, options: ClientOptions<unknown, unknown> & {
    readonly healthTimeoutMs?: number;
    readonly signal?: AbortSignal;
}): Promise<HealthReport>;
/** A definition loaded once, on first use (generated clients import their validators lazily). */
export type DefinitionLoader = () => Promise<ClientDefinition>;
export declare function lazyDefinition(load: DefinitionLoader): DefinitionLoader;
export declare function createIntegrationClient<Client extends ClientBase>(definitionOrLoader: ClientDefinition | DefinitionLoader, adapter: AnyAdapter | undefined, options: ClientOptions<unknown, unknown>): Promise<Client>;
//# sourceMappingURL=integration-client.d.ts.map