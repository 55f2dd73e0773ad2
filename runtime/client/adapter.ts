/**
 * The contract between a generated client and a hand-written provider adapter.
 *
 * An adapter names the integration it implements and connects with that integration's config and
 * secrets. `connect` is a function-typed property (not a method) on purpose: parameters of
 * function types are checked contravariantly under `strict`, so an adapter that needs a config or
 * secret field the spec does not declare is a compile error where it is bound to the client.
 */
import type { InvokeContext } from './kernel.js';
import type { Secret } from './secrets.js';

/** Secrets as the adapter receives them: every value wrapped, revealed only where the SDK needs it. */
export type SecretValues<Secrets> = { readonly [K in keyof Secrets]-?: undefined extends Secrets[K] ? Secret | undefined : Secret };

/** The client option `http`: how adapters that speak HTTP through `fetch` reach the provider. */
export interface HttpTransportOptions {
  /** Used instead of the global fetch: a proxy, a test double, a fetch that redirects to a local stand-in. */
  readonly fetch?: typeof fetch;
}

export interface AdapterInit<Config, Secrets> {
  /** Integration key the client was created for. */
  readonly integration: string;
  /** Validated against the spec's configSchema. */
  readonly config: Config;
  /** Validated against the spec's secretSchema, then wrapped. */
  readonly secrets: SecretValues<Secrets>;
  /** The client's `http` option, passed through untouched (HTTP-bound adapters send with its fetch). */
  readonly http?: HttpTransportOptions;
}

export type HealthStatus = 'ok' | 'degraded' | 'down';

/** What a provider-specific health probe found. */
export interface HealthProbeResult {
  readonly status: HealthStatus;
  /** Short, secret-free explanation, e.g. `account suspended`. */
  readonly detail?: string;
}

/** Every adapter can say whether the provider is usable with these credentials. */
export interface HealthProbe {
  readonly probeHealth: (context: InvokeContext) => Promise<HealthProbeResult>;
}

/** Optional work an adapter does once before its first request, e.g. loading its provider SDK. */
export interface AdapterPreparation {
  /**
   * Called by the client before the first request (and again after a failure), before any
   * rate-limit token is taken and outside every per-attempt timeout, so it must send nothing.
   * Only the caller's signal interrupts the wait for it.
   */
  readonly prepare?: () => Promise<void>;
}

/** A connected adapter: the capability operations, the health probe, optional preparation, and (optionally) webhook parsing. */
export type AdapterConnection<Operations> = Operations & HealthProbe & AdapterPreparation;

export interface Adapter<Key extends string, Config, Secrets, Operations> {
  readonly integration: Key;
  readonly connect: (init: AdapterInit<Config, Secrets>) => AdapterConnection<Operations>;
}

/**
 * Declares an adapter. The key is kept as a literal type, so binding an adapter for one
 * integration to another integration's client fails to compile.
 */
export function defineAdapter<const Key extends string, Config, Secrets, Operations>(
  adapter: Adapter<Key, Config, Secrets, Operations>,
): Adapter<Key, Config, Secrets, Operations> {
  return adapter;
}

/** Where a webhook request came from, as the application knows it. */
export interface WebhookContext {
  /**
   * The full public URL the provider called, when it differs from `request.url` (behind a proxy
   * or load balancer). Signatures are computed over the public URL.
   */
  readonly publicUrl?: string;
}

/** Adapters of integrations that provide an events capability turn verified webhooks into typed events. */
export interface WebhookReceiver<Event> {
  readonly handleWebhook: (request: Request, context: WebhookContext) => Promise<Event>;
}
