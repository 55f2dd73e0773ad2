/**
 * The behaviour of every generated client, written once. A generated `create<Name>Client` only
 * passes its spec constant, validators and operation table here and narrows the result's type.
 */
import type { IntegrationSpec } from '../spec-model/model.js';
import type { ValidationIssue, Validator } from '../validation/validator.js';
import type { AdapterConnection, HealthProbeResult, HttpTransportOptions, HealthStatus, WebhookContext, WebhookReceiver } from './adapter.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigurationError, InvalidInputError, isIntegrationError, TimeoutError, type Issue } from './errors.js';
import type { ClientHooks } from './hooks.js';
import { createKernel, type Kernel } from './kernel.js';
import { checkedOutput, type OutputAssertion } from './output-check.js';
import type { RateLimitStore } from './rate-limit/store.js';
import { redactError } from './redact-error.js';
import type { RetryPolicy } from './retry.js';
import { resolveSecrets, Secret, type SecretProvider } from './secrets.js';
import { withTimeout } from './timeout.js';

/** The parts of a spec a client needs at runtime. */
export type ClientSpec = Pick<IntegrationSpec, 'meta' | 'healthCheck' | 'constraints'>;

export interface OperationBinding {
  readonly input: Validator<unknown>;
  /** The output schema's asserter; without one (clients generated before it existed) results go unchecked. */
  readonly assertOutput?: OutputAssertion;
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
export type SecretInputs<Secrets> = { readonly [K in keyof Secrets]: Secrets[K] extends string ? string | Secret : Secrets[K] | Secret };

/**
 * Options of every generated client. The hooks (`onRequest`, `onResponse`, `onError`, see
 * hooks.ts) observe every attempt of every operation.
 */
export interface ClientOptions<Config, Secrets> extends ClientHooks {
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
  /** The transport of adapters that send through fetch (every HTTP-bound integration); handed to the adapter's connect. */
  readonly http?: HttpTransportOptions;
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
  readonly error?: { readonly code: string; readonly message: string };
}

export interface ClientBase {
  /** Probes the provider within the spec's healthCheck.timeoutMs; never throws. */
  checkHealth(options?: { readonly timeoutMs?: number; readonly signal?: AbortSignal }): Promise<HealthReport>;
}

export const DEFAULT_OPERATION_TIMEOUT_MS = 10_000;

/** Any adapter, whatever it is typed for: each generated client checks its own adapter's type. */
export interface AnyAdapter {
  readonly integration: string;
  readonly connect: (init: never) => unknown;
}

/** A health report for an integration, turning a configuration problem into a `down` report instead of an exception. */
export async function checkIntegrationHealth(
  definitionOrLoader: ClientDefinition | DefinitionLoader,
  adapter: AnyAdapter | undefined,
  options: ClientOptions<unknown, unknown> & { readonly healthTimeoutMs?: number; readonly signal?: AbortSignal },
): Promise<HealthReport> {
  const checkedAt = new Date((options.clock ?? systemClock).now()).toISOString();
  const definition = typeof definitionOrLoader === 'function' ? await definitionOrLoader() : definitionOrLoader;
  let client: ClientBase;
  try {
    client = await createIntegrationClient<ClientBase>(definition, adapter, options);
  } catch (error) {
    const code = isIntegrationError(error) ? error.code : 'CONFIGURATION';
    return { integration: definition.spec.meta.key, status: 'down', latencyMs: 0, checkedAt, error: { code, message: (error as Error).message } };
  }
  return client.checkHealth({ timeoutMs: options.healthTimeoutMs, signal: options.signal });
}

/** A definition loaded once, on first use (generated clients import their validators lazily). */
export type DefinitionLoader = () => Promise<ClientDefinition>;

export function lazyDefinition(load: DefinitionLoader): DefinitionLoader {
  let loaded: Promise<ClientDefinition> | undefined;
  return () => {
    loaded ??= load();
    // A failed import must not be cached for good: let the next call try again.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
}

export async function createIntegrationClient<Client extends ClientBase>(
  definitionOrLoader: ClientDefinition | DefinitionLoader,
  adapter: AnyAdapter | undefined,
  options: ClientOptions<unknown, unknown>,
): Promise<Client> {
  const definition = typeof definitionOrLoader === 'function' ? await definitionOrLoader() : definitionOrLoader;
  const integration = definition.spec.meta.key;
  if (!adapter) {
    throw new ConfigurationError([{ path: 'adapter', message: `no adapter is bound to ${integration}; pass one as the adapter option` }], { integration });
  }
  if (adapter.integration !== integration) {
    throw new ConfigurationError([{ path: 'adapter', message: `implements ${adapter.integration}, not ${integration}` }], { integration });
  }
  const { config, secrets } = await validatedSettings(definition, options, integration);
  const secretList = Object.values(secrets).filter((s): s is Secret => s instanceof Secret);
  let connection: AdapterConnection<Record<string, unknown>>;
  try {
    connection = (adapter.connect as (init: unknown) => AdapterConnection<Record<string, unknown>>)({ integration, config, secrets, ...(options.http && { http: options.http }) });
  } catch (error) {
    // Thrown before the kernel exists, but out of the same hands: redacted like everything it lets out.
    redactError(error, secretList);
    throw error;
  }
  const kernel = createKernel({
    integration,
    rateLimit: definition.spec.constraints?.rateLimit,
    rateLimitStore: options.rateLimitStore,
    rateLimitKey: options.rateLimitKey,
    maxQueue: options.maxQueue,
    retry: options.retry,
    clock: options.clock,
    secrets: secretList,
    ...(typeof connection.prepare === 'function' && { prepare: connection.prepare.bind(connection) }),
    hooks: { onRequest: options.onRequest, onResponse: options.onResponse, onError: options.onError },
  });
  const client: Record<string, unknown> = {};
  for (const [name, binding] of Object.entries(definition.operations)) {
    client[name] = operation(kernel, connection, name, binding, options.timeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS);
  }
  client.checkHealth = (healthOptions: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
    probe(kernel, connection, healthOptions.timeoutMs ?? definition.spec.healthCheck.timeoutMs, options.clock, healthOptions.signal);
  if (definition.webhooks) {
    const receiver = connection as unknown as WebhookReceiver<unknown>;
    client.handleWebhook = async (request: Request, context: WebhookContext = {}) => {
      try {
        return await receiver.handleWebhook(request, context);
      } catch (error) {
        redactError(error, kernel.redactor);
        throw error;
      }
    };
  }
  return Object.freeze(client) as Client;
}

/** One ConfigurationError listing every problem with config and secrets, by path. */
async function validatedSettings(definition: ClientDefinition, options: ClientOptions<unknown, unknown>, integration: string) {
  const issues: Issue[] = [];
  const prefixed = (prefix: string, list: readonly ValidationIssue[]) => list.map((i) => ({ path: i.path ? `${prefix}.${i.path}` : prefix, message: i.message }));
  const config = definition.config.validate(options.config);
  if (!config.ok) issues.push(...prefixed('config', config.issues));
  let secrets: Record<string, unknown> = {};
  if (!options.secrets || typeof options.secrets !== 'object') {
    issues.push({ path: 'secrets', message: 'must be an object' });
  } else {
    try {
      secrets = await resolveSecrets(options.secrets as Record<string, unknown>, options.secretProvider, { integration, pathPrefix: 'secrets' });
      // Validate the plain values; validator messages describe rules, never values.
      const plain = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, v instanceof Secret ? v.reveal() : v]));
      const checked = definition.secrets.validate(plain);
      if (!checked.ok) issues.push(...prefixed('secrets', checked.issues));
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new ConfigurationError(issues, { integration });
  return { config: options.config, secrets };
}

function operation(kernel: Kernel, connection: Record<string, unknown>, name: string, binding: OperationBinding, defaultTimeoutMs: number) {
  const invoke = connection[name];
  return async (input: unknown, callOptions: CallOptions = {}) => {
    const checked = binding.input.validate(input);
    if (!checked.ok) throw new InvalidInputError(checked.issues.map((i) => ({ path: i.path || '(input)', message: i.message })), { integration: kernel.integration });
    if (typeof invoke !== 'function') throw new InvalidInputError([{ path: name, message: 'the adapter does not implement this operation' }], { integration: kernel.integration });
    // The output is checked inside the attempt: an answer that is not the operation's output is
    // that attempt's failure (its hooks, its span, the provider's request id on the error).
    return kernel.run(
      { name, idempotent: binding.idempotent, timeoutMs: callOptions.timeoutMs ?? defaultTimeoutMs },
      async (context) => checkedOutput(await (invoke as (input: unknown, context: unknown) => Promise<unknown>).call(connection, input, context), binding.assertOutput, kernel.integration, name),
      callOptions.signal,
    );
  };
}

async function probe(
  kernel: Kernel,
  connection: { probeHealth: (context: { signal: AbortSignal; attempt: number }) => Promise<HealthProbeResult> },
  timeoutMs: number,
  clock: Clock = systemClock,
  signal?: AbortSignal,
): Promise<HealthReport> {
  const { integration } = kernel;
  let started = clock.now();
  const checkedAt = new Date(started).toISOString();
  const latency = () => Math.max(0, Math.round(clock.now() - started));
  try {
    // Loading the adapter's SDK is neither the provider's latency nor part of its time limit.
    await kernel.prepare(signal);
    started = clock.now();
    const result = await withTimeout((probeSignal) => connection.probeHealth({ signal: probeSignal, attempt: 1 }), timeoutMs, {
      clock,
      signal,
      onTimeout: () => new TimeoutError(`health probe of ${integration} took longer than ${timeoutMs} ms`, { requestMayHaveBeenSent: true, timeoutMs, integration }),
    });
    // The provider's own words (an account status, a name) may quote a credential: masked like an error's.
    return { integration, status: result.status, latencyMs: latency(), checkedAt, ...(result.detail !== undefined && { detail: kernel.redactor.redact(String(result.detail)) }) };
  } catch (error) {
    redactError(error, kernel.redactor);
    const code = isIntegrationError(error) ? error.code : 'PROVIDER';
    const message = error instanceof Error ? error.message : 'health probe failed';
    return { integration, status: 'down', latencyMs: latency(), checkedAt, error: { code, message } };
  }
}
