/**
 * Everything the Twilio adapters share about talking to the SDK:
 *
 * - Lazy loading. `import('twilio')` runs on the first operation, never when an adapter or a
 *   generated client module is imported (the SDK costs ~90 ms to load). One load per process.
 *   The adapters expose it as their `prepare`, so the client kernel loads it before the first
 *   request, outside the per-attempt timeout (the load sends nothing).
 * - One SDK client per connected adapter, created on first use from the revealed secrets.
 * - No retries below the kernel: the SDK's `autoRetry` stays off, whatever httpClient is used.
 *   The client kernel is the only place that decides whether a request may be repeated.
 * - Cancellation and response headers: each call runs in a scope (./call-scope.ts) that gives
 *   the HTTP request the attempt's signal and keeps what Twilio answered (status, headers with
 *   Retry-After and the Twilio-Request-Id, body), reported to the client (`context.report`).
 * - Error mapping through ./errors.ts, with the aborted attempt's own reason passed through.
 */
import {
  AuthenticationError,
  ConfigurationError,
  InvalidResponseError,
  ProviderError,
  RateLimitedError,
  type AdapterInit,
  type HealthProbeResult,
  type InvokeContext,
  type Secret,
} from '@contractgen/runtime';
// Type-only imports of the SDK: erased at runtime, so they load nothing.
import type TwilioSdk from 'twilio';
import { instrument, providerResponse, runInCallScope, type CallScope } from './call-scope.js';
import { describeTwilioErrorCode, mapTwilioError, parseRetryAfter, type TwilioErrorContext } from './errors.js';

export type TwilioModule = typeof TwilioSdk;
export type TwilioClient = TwilioSdk.Twilio;
/** A `twilio.RequestClient` or a subclass (e.g. the loopback client). */
export type TwilioHttpClient = TwilioSdk.RequestClient;

/** Secrets every Twilio adapter needs. */
export interface TwilioSecrets {
  accountSid: string;
  authToken: string;
}

export interface TwilioAdapterOptions {
  /**
   * The SDK's HTTP client: a `twilio.RequestClient` (or subclass) built by you, e.g. with
   * proxy/keep-alive settings. Its `autoRetry` must be off: retries belong to the client kernel.
   */
  readonly httpClient?: TwilioHttpClient;
  /**
   * Send every API call to this base URL instead of https://*.twilio.com, e.g. the local
   * stand-in (`startTwilioStandIn().url`). Uses `createLoopbackHttpClient`. Ignored when
   * `httpClient` is given.
   */
  readonly baseUrl?: string;
  /**
   * The SDK's own per-request timeout (socket + response), in ms; SDK default 30,000. The
   * client's per-attempt timeout (ClientOptions.timeoutMs, default 10,000) normally fires first;
   * this is the backstop for the SDK's sockets.
   */
  readonly timeoutMs?: number;
}

let sdkPromise: Promise<TwilioModule> | undefined;

/** Loads the twilio SDK once per process, on first use. */
export function loadTwilioSdk(): Promise<TwilioModule> {
  sdkPromise ??= import('twilio').then(
    (module) => module.default,
    (error: unknown) => {
      sdkPromise = undefined; // a broken install may be fixed without a restart
      throw error;
    },
  );
  return sdkPromise;
}

/** The SDK for an adapter of `integration`: one that cannot be loaded is a ConfigurationError (a deployment problem, nothing was sent). */
export async function requireTwilioSdk(integration: string): Promise<TwilioModule> {
  try {
    return await loadTwilioSdk();
  } catch (error) {
    throw new ConfigurationError([{ path: 'adapter', message: `the twilio package could not be loaded (${(error as Error)?.message ?? 'unknown error'})` }], {
      integration,
      cause: error,
    });
  }
}

/** What ./errors.ts needs besides the integration and operation. */
export type CallMapping = Omit<TwilioErrorContext, 'integration' | 'operation' | 'retryAfterMs'>;

export interface TwilioSession {
  readonly integration: string;
  /** Account SID; safe to log. */
  readonly accountSid: string;
  /** The auth token, for webhook signature checks. */
  readonly authToken: Secret;
  /**
   * Runs one SDK call under the attempt's signal and answers with Twilio's JSON body as it came
   * (parsed), never the SDK's instance of it: the instance makes up what Twilio left out (the
   * current time for an absent date) and cannot be built from a `null` body. The adapters read and
   * check every field they return from this body (messages.ts), so a missing field is an error,
   * never a guess. Maps whatever the call throws; never retries. After the signal aborts, rejects
   * with the signal's reason (the kernel has already moved on).
   */
  call(operation: string, context: InvokeContext | undefined, run: (client: TwilioClient) => Promise<unknown>, mapping?: CallMapping): Promise<unknown>;
  /** The health probe shared by every Twilio adapter: fetch the account, read its status. */
  probeAccount(context: InvokeContext): Promise<HealthProbeResult>;
  /** Loads the SDK and builds the SDK client (the adapters' `prepare`); sends nothing. */
  prepare(): Promise<void>;
}

/** One per connected adapter: the SDK client is built lazily, once, and reused. */
export function createTwilioSession(init: AdapterInit<unknown, TwilioSecrets>, options: TwilioAdapterOptions = {}): TwilioSession {
  const { integration } = init;
  const accountSidSecret = init.secrets.accountSid;
  const authToken = init.secrets.authToken;
  const accountSid = accountSidSecret.reveal();
  let clientPromise: Promise<TwilioClient> | undefined;

  async function buildClient(): Promise<TwilioClient> {
    const twilio = await requireTwilioSdk(integration);
    let base: TwilioHttpClient;
    if (options.httpClient) {
      if (options.httpClient.autoRetry) {
        throw new ConfigurationError([{ path: 'httpClient.autoRetry', message: 'must be off: the client kernel decides which requests may be retried' }], { integration });
      }
      base = options.httpClient;
    } else if (options.baseUrl !== undefined) {
      // Loaded only here: the loopback client imports the SDK at module level.
      const { createLoopbackHttpClient } = await import('./loopback-http-client.js');
      base = createLoopbackHttpClient(options.baseUrl, { autoRetry: false, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) });
    } else {
      base = new twilio.RequestClient({ autoRetry: false, ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }) });
    }
    try {
      return twilio(accountSid, authToken.reveal(), { httpClient: instrument(base), autoRetry: false });
    } catch (error) {
      // The SDK checks the SID's shape ("accountSid must start with AC"); its message holds no secret.
      throw new ConfigurationError([{ path: 'secrets.accountSid', message: (error as Error)?.message ?? 'rejected by the twilio SDK' }], { integration });
    }
  }

  function client(): Promise<TwilioClient> {
    clientPromise ??= buildClient().catch((error: unknown) => {
      clientPromise = undefined;
      throw error;
    });
    return clientPromise;
  }

  async function call(operation: string, context: InvokeContext | undefined, run: (client: TwilioClient) => Promise<unknown>, mapping: CallMapping = {}): Promise<unknown> {
    const signal = context?.signal;
    if (signal?.aborted) throw signal.reason;
    const sdkClient = await client();
    if (signal?.aborted) throw signal.reason;
    const scope: CallScope = signal ? { signal } : {};
    let failure: { error: unknown } | undefined;
    try {
      await runInCallScope(scope, () => run(sdkClient));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      failure = { error };
    }
    // Error answers included: a 4xx has a request id Twilio's support can look up.
    const answered = scope.response && providerResponse(scope.response);
    if (answered) context?.report?.(answered);
    const mapped = (error: unknown) => {
      const retryAfterMs = answered?.status === 429 ? parseRetryAfter(answered.headers?.['retry-after']) : undefined;
      return mapTwilioError(error, { integration, operation, ...mapping, ...(retryAfterMs !== undefined && { retryAfterMs }) });
    };
    const { response } = scope;
    // A 2xx answer is Twilio's, whatever the SDK made of it (it throws a TypeError building an instance from `null`).
    if (response && response.statusCode >= 200 && response.statusCode < 300) {
      try {
        return typeof response.body === 'string' ? (JSON.parse(response.body) as unknown) : response.body;
      } catch (error) {
        throw mapped(error);
      }
    }
    if (failure) throw mapped(failure.error);
    throw new ProviderError(`${integration} ${operation}: the HTTP client passed on no response`, { integration });
  }

  async function probeAccount(context: InvokeContext): Promise<HealthProbeResult> {
    try {
      const account = await call('probeHealth', context, (sdk) => sdk.api.v2010.accounts(accountSid).fetch());
      return accountHealth(account, integration);
    } catch (error) {
      // Definite answers about the account are findings, not probe failures.
      if (error instanceof AuthenticationError) {
        const code = typeof error.providerCode === 'number' ? error.providerCode : undefined;
        const reason = code === undefined || code === 20003 ? 'Twilio rejected the credentials' : `Twilio refused access: ${describeTwilioErrorCode(code) ?? 'forbidden'}`;
        return { status: 'down', detail: `${reason}${code !== undefined ? ` (error ${code})` : ''}` };
      }
      if (error instanceof RateLimitedError) return { status: 'degraded', detail: 'Twilio is rate limiting this account' };
      throw error;
    }
  }

  const prepare = () => client().then(() => undefined);

  return { integration, accountSid, authToken, call, probeAccount, prepare };
}

/**
 * An Account resource's `status` (Twilio documents active, suspended and closed): active = ok,
 * suspended = degraded, closed = down. Anything else, or none, is an InvalidResponseError naming
 * `status`: the probe reports what Twilio said, never a guess.
 */
export function accountHealth(account: unknown, integration?: string): HealthProbeResult {
  const status = typeof account === 'object' && account !== null ? (account as { status?: unknown }).status : undefined;
  switch (status) {
    case 'active':
      return { status: 'ok' };
    case 'suspended':
      return { status: 'degraded', detail: 'Twilio account is suspended' };
    case 'closed':
      return { status: 'down', detail: 'Twilio account is closed' };
    default:
      throw new InvalidResponseError([{ path: 'status', message: status === undefined || status === null ? 'is missing from the account Twilio returned' : 'is not an account status Twilio documents (active, suspended, closed)' }], {
        ...(integration !== undefined && { integration }),
        operation: 'probeHealth',
      });
  }
}
