/**
 * The generic HTTP adapter: executes a binding on `fetch`. It is an ordinary Adapter, so the
 * generated client runs it under the kernel like a hand-written one: the kernel's per-attempt
 * signal cancels the request (timeout, caller's abort), the kernel alone retries (this adapter
 * sends each request once), takes rate-limit tokens and scrubs secrets from every error.
 *
 * Transport: the client option `http.fetch` (AdapterInit.http), else the global fetch, read
 * when the client connects. Redirects are not followed: an API answering a redirect gets a
 * ProviderError rather than our credentials re-sent somewhere else.
 */
import type { Adapter, AdapterConnection, AdapterInit, HealthProbe, HealthProbeResult, HealthStatus } from '../client/adapter.js';
import { InvalidInputError, InvalidResponseError, NotImplementedError } from '../client/errors.js';
import type { InvokeContext } from '../client/kernel.js';
import type { Secret } from '../client/secrets.js';
import { transportError } from '../client/transport-failure.js';
import type { HttpBinding, HttpHealthBinding, HttpOperationBinding, HttpRequestBinding } from './binding.js';
import { buildRequest } from './request.js';
import { answerError, answerScope, mapOutput, requestIdOf, type HttpAnswer } from './response.js';
import { evaluate, ValueProblem, type HttpScope } from './values.js';

/** An operation of an HTTP-bound adapter: input in, output out (the capability's types narrow it). */
export type HttpOperation = (input: unknown, context: InvokeContext) => Promise<Record<string, unknown>>;

const HEALTH_STATUSES: ReadonlySet<unknown> = new Set<HealthStatus>(['ok', 'degraded', 'down']);

/**
 * The adapter that serves `binding` for `integration`. Typed by the generated client, which knows
 * the integration's config, secrets and operations:
 *   createHttpAdapter<'sms.vonage', SmsVonageConfig, SmsVonageSecrets, SmsOutboundOperations>('sms.vonage', smsVonageHttpBinding)
 */
export function createHttpAdapter<Key extends string, Config = unknown, Secrets = unknown, Operations = Record<string, HttpOperation>>(
  integration: Key,
  binding: HttpBinding,
): Adapter<Key, Config, Secrets, Operations> {
  return {
    integration,
    connect: (init: AdapterInit<Config, Secrets>) => connectHttp(binding, init) as unknown as AdapterConnection<Operations>,
  };
}

function connectHttp(binding: HttpBinding, init: AdapterInit<unknown, unknown>): Record<string, HttpOperation> & HealthProbe {
  const fetchImpl = init.http?.fetch ?? globalThis.fetch;
  const secrets = init.secrets as Readonly<Record<string, Secret | undefined>>;
  const exchange = async (operation: string, request: HttpRequestBinding, scope: HttpScope, context: InvokeContext) => {
    const answer = await send(fetchImpl, binding, request, scope, { integration: init.integration, operation }, context.signal);
    // What the provider answered, error answers included: the client hands it to its hooks, spans and callers.
    const requestId = requestIdOf(binding, answer, scope);
    context.report?.({ status: answer.status, headers: Object.fromEntries(answer.headers), ...(requestId !== undefined && { requestId }) });
    return answer;
  };

  const connection: Record<string, HttpOperation> = {};
  for (const [name, operation] of Object.entries(binding.operations)) {
    connection[name] = async (input, context) => {
      refuseUnsupported(operation, input, init.integration);
      const scope: HttpScope = { input, config: init.config, secrets };
      const answer = await exchange(name, operation, scope, context);
      const where = { integration: init.integration, operation: name, scope };
      const error = answerError(binding, operation, answer, where);
      if (error) throw error;
      return mapOutput(operation, answer, where);
    };
  }
  return Object.assign(connection, {
    probeHealth: async (context: InvokeContext): Promise<HealthProbeResult> => {
      if (!binding.health) throw new NotImplementedError('probeHealth', { integration: init.integration });
      const scope: HttpScope = { config: init.config, secrets };
      const answer = await exchange('probeHealth', binding.health, scope, context);
      const where = { integration: init.integration, operation: 'probeHealth', scope };
      const error = answerError(binding, binding.health, answer, where);
      if (error) throw error;
      return healthOf(binding.health, answer, where);
    },
  });
}

/**
 * An input field the provider cannot honour (the operation's `unsupported`), given: refused before
 * anything is sent, at that field, with the binding's reason. Dropping it silently would report
 * success for a message that is not what was asked (an MMS sent as a bare SMS). Undefined, null
 * and an empty list ask for nothing, so they pass.
 */
function refuseUnsupported(operation: HttpOperationBinding, input: unknown, integration: string): void {
  if (!operation.unsupported || input === null || typeof input !== 'object') return;
  const given = input as Readonly<Record<string, unknown>>;
  const issues = Object.entries(operation.unsupported)
    .filter(([field]) => Object.hasOwn(given, field) && given[field] !== undefined && given[field] !== null && !(Array.isArray(given[field]) && given[field].length === 0))
    .map(([field, reason]) => ({ path: field, message: `is not supported by ${integration}: ${reason}` }));
  if (issues.length > 0) throw new InvalidInputError(issues, { integration });
}

/** One exchange: the request written, sent once, and its whole body read, under `signal`. */
async function send(
  fetchImpl: typeof fetch,
  binding: HttpBinding,
  request: HttpRequestBinding,
  scope: HttpScope,
  where: { readonly integration: string; readonly operation: string },
  signal: AbortSignal,
): Promise<HttpAnswer> {
  const built = buildRequest(binding, request, scope, where.integration);
  const host = new URL(built.url).host;
  try {
    const response = await fetchImpl(built.url, {
      method: built.method,
      headers: built.headers,
      ...(built.body !== undefined && { body: built.body }),
      redirect: 'manual',
      signal,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    // Aborted by the kernel (timeout) or the caller: the kernel already settled with its reason.
    if (signal.aborted) throw signal.reason;
    // Kept as cause: a fetch error does not carry the request (unlike axios's, see the Twilio
    // adapter), and the kernel passes on only a scrubbed copy.
    throw transportError(error, { ...where, peer: host, cause: error });
  }
}

function healthOf(health: HttpHealthBinding, answer: HttpAnswer, where: { integration: string; operation: string; scope: HttpScope }): HealthProbeResult {
  const { scope } = answerScope(answer, where.scope);
  try {
    const status = health.status ? evaluate(health.status, scope) : 'ok';
    if (!HEALTH_STATUSES.has(status)) {
      throw new InvalidResponseError([{ path: 'status', message: 'is not ok, degraded or down' }], { ...where, status: answer.status });
    }
    const detail = health.detail ? evaluate(health.detail, scope) : undefined;
    return { status: status as HealthStatus, ...(typeof detail === 'string' && detail !== '' && { detail }) };
  } catch (error) {
    if (!(error instanceof ValueProblem)) throw error;
    throw new InvalidResponseError([{ path: 'status', message: error.message }], { ...where, status: answer.status });
  }
}
