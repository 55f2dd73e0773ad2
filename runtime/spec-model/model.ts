/**
 * The spec model: what a `defineIntegration` / `defineCapability` call may contain.
 * The generator reads these objects statically; these types are what the TypeScript
 * compiler checks spec files against, and `model-schema.ts` is the same model as JSON Schema
 * for the checks that run without the compiler.
 */
import type { Stability, StabilityEnum } from './stability.js';

/** A JSON Schema document (draft-07 subset that json-schema-to-typescript and ajv both understand). */
export type JsonSchema = { readonly [keyword: string]: unknown };

export type IntegrationCategory =
  | 'sms'
  | 'messaging'
  | 'email'
  | 'voice'
  | 'push'
  | 'payments'
  | 'storage'
  | 'analytics'
  | 'auth'
  | 'ai'
  | 'crm'
  | 'calendar'
  | 'search'
  | 'observability'
  | 'other';

export type IntegrationMode = 'managed' | 'byok';

export type HealthCheckMethod = 'ping' | 'list' | 'custom';

export interface SpecMeta {
  /** Dotted lower-case key, e.g. `sms.twilio`; also the output folder name. */
  readonly key: string;
  /** Semantic version, e.g. `1.0.0`. */
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly domain: string;
  readonly owners: readonly string[];
  readonly tags: readonly string[];
  readonly stability: StabilityEnum | Stability;
}

export interface IntegrationMeta extends SpecMeta {
  readonly category: IntegrationCategory;
}

export interface CapabilityRef {
  readonly key: string;
  readonly version: string;
}

export interface SchemaWithExample {
  readonly schema: JsonSchema;
  readonly example: { readonly [field: string]: unknown };
}

export interface IntegrationSpec {
  readonly meta: IntegrationMeta;
  readonly supportedModes: readonly IntegrationMode[];
  readonly capabilities: {
    readonly provides: readonly CapabilityRef[];
    readonly requires?: readonly CapabilityRef[];
  };
  readonly configSchema: SchemaWithExample;
  readonly secretSchema: SchemaWithExample;
  readonly healthCheck: {
    readonly method: HealthCheckMethod;
    readonly timeoutMs: number;
  };
  readonly docsUrl?: string;
  readonly constraints?: {
    readonly rateLimit?: { readonly rpm?: number; readonly rph?: number };
    readonly quotas?: { readonly [name: string]: number };
  };
  readonly byokSetup?: {
    readonly setupInstructions: string;
    readonly requiredScopes?: readonly string[];
    readonly docsUrl?: string;
  };
}

/** One request/response operation of a capability: a method on every client that provides it. */
export interface OperationSpec {
  readonly description: string;
  readonly input: JsonSchema;
  readonly output: JsonSchema;
  /**
   * Whether repeating the call after an ambiguous failure is harmless. Sends are not:
   * the runtime never re-sends them after the request may have reached the provider.
   */
  readonly idempotent: boolean;
}

/** One event a capability delivers to the application (for example from a webhook). */
export interface EventSpec {
  readonly description: string;
  readonly payload: JsonSchema;
}

export interface CapabilitySpec {
  readonly meta: SpecMeta;
  readonly operations?: { readonly [name: string]: OperationSpec };
  readonly events?: { readonly [name: string]: EventSpec };
}
