/**
 * OpenTelemetry traces and metrics of every client call, through `@opentelemetry/api` only: an
 * optional peer dependency. When the app has not installed it, every function here is a no-op
 * and the runtime loads as it always did (in ESM and through require()); when it has, the spans
 * and metrics go wherever the app's OpenTelemetry SDK sends them (none without an SDK).
 *
 * Spans, both named `<integration>.<operation>` (`sms.twilio.sendSms`):
 * - one per call (kind INTERNAL), a child of the caller's active span;
 * - one per attempt (kind CLIENT), a child of the call's, active while the adapter runs, so the
 *   HTTP spans of an instrumented SDK nest under it.
 * Attributes: the integration key, the operation, the attempt, the retry reason (the previous
 * attempt's error code), the rate-limit wait, the outcome, the error class (`error.type`), its
 * code, the provider's error code, the HTTP status and the provider's request id. Never a
 * secret, an input or output field (a phone number), a message body, or an error message (a
 * provider's message can quote the request): the span status carries the error code only.
 *
 * Metrics (meter `@contractgen/runtime`): calls, errors by class, call duration, rate-limit wait
 * (histograms in seconds, as OpenTelemetry's semantic conventions have them) and the number of
 * calls waiting for a rate-limit token.
 *
 * The tracer and the instruments are looked up at each call, from the providers registered then:
 * an SDK registered after the clients were made is used all the same (this module's copy of the
 * API may not be the app's, so a tracer kept from before the registration would stay a no-op).
 */
import { createRequire } from 'node:module';
// Type-only: erased from the JavaScript, and used by nothing this module exports.
import type * as OTel from '@opentelemetry/api';
import type { IntegrationError } from './errors.js';
import type { ProviderResponse } from './provider-response.js';
import { RUNTIME_VERSION } from '../version.js';

type Api = typeof OTel;

let loaded: Api | null | undefined;

/** The app's `@opentelemetry/api`, or null when it is not installed. Looked up once per process. */
function openTelemetry(): Api | null {
  if (loaded === undefined) {
    try {
      // require(): synchronous, so it works in the middle of a call and in an ES module loaded
      // through require() (no top-level await). The API keeps its state in a global, so this copy
      // and the app's (its ESM build, say) share the registered SDK.
      loaded = createRequire(import.meta.url)('@opentelemetry/api') as Api;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

const ATTR = {
  integration: 'contractgen.integration',
  operation: 'contractgen.operation',
  attempt: 'contractgen.attempt',
  attempts: 'contractgen.attempts',
  retryReason: 'contractgen.retry.reason',
  rateLimitWaitMs: 'contractgen.rate_limit.wait_ms',
  outcome: 'contractgen.outcome',
  errorType: 'error.type',
  errorCode: 'contractgen.error.code',
  providerCode: 'contractgen.provider.code',
  requestId: 'contractgen.provider.request_id',
  status: 'http.response.status_code',
} as const;

export type Outcome = 'success' | 'error' | 'aborted';

interface Instruments {
  readonly calls: OTel.Counter;
  readonly errors: OTel.Counter;
  readonly duration: OTel.Histogram;
  readonly rateLimitWait: OTel.Histogram;
  readonly queueDepth: OTel.UpDownCounter;
}

// One set of instruments per meter provider: clients may be created per request.
const instrumentsByProvider = new WeakMap<object, Instruments>();

function instruments(api: Api): Instruments {
  const provider = api.metrics.getMeterProvider();
  let made = instrumentsByProvider.get(provider);
  if (!made) {
    const meter = provider.getMeter('@contractgen/runtime', RUNTIME_VERSION);
    made = {
      calls: meter.createCounter('contractgen.client.calls', { description: 'Operation calls, by outcome' }),
      errors: meter.createCounter('contractgen.client.errors', { description: 'Failed operation calls, by error class' }),
      duration: meter.createHistogram('contractgen.client.duration', { description: 'Duration of operation calls, retries and rate-limit waits included', unit: 's' }),
      rateLimitWait: meter.createHistogram('contractgen.client.rate_limit.wait', { description: 'Time an attempt waited for its rate-limit token', unit: 's' }),
      queueDepth: meter.createUpDownCounter('contractgen.client.rate_limit.queue', { description: 'Calls waiting for a rate-limit token' }),
    };
    instrumentsByProvider.set(provider, made);
  }
  return made;
}

/** The attributes of a failure: its class and codes, never its message. */
function errorAttributes(error: IntegrationError): OTel.Attributes {
  const providerCode = (error as { providerCode?: unknown }).providerCode;
  return {
    [ATTR.errorType]: error.name,
    [ATTR.errorCode]: error.code,
    ...((typeof providerCode === 'string' || typeof providerCode === 'number') && { [ATTR.providerCode]: providerCode }),
  };
}

function responseAttributes(response: ProviderResponse | undefined): OTel.Attributes {
  return {
    ...(response?.status !== undefined && { [ATTR.status]: response.status }),
    ...(response?.requestId !== undefined && { [ATTR.requestId]: response.requestId }),
  };
}

export interface AttemptTrace {
  /** Runs the adapter with this attempt's span active (so nested HTTP spans attach to it). */
  within<T>(run: () => Promise<T>): Promise<T>;
  waited(ms: number): void;
  end(outcome: Outcome, response: ProviderResponse | undefined, error?: IntegrationError): void;
}

export interface CallTrace {
  attempt(n: number, retryReason: string | undefined): AttemptTrace;
  /** A call entered (+1) or left (-1) the rate limiter's queue. */
  queued(delta: 1 | -1): void;
  end(outcome: Outcome, attempts: number, durationMs: number, response: ProviderResponse | undefined, error?: IntegrationError): void;
}

export interface Telemetry {
  call(operation: string): CallTrace;
}

/** The client's telemetry, or undefined when `@opentelemetry/api` is not installed. */
export function createTelemetry(integration: string): Telemetry | undefined {
  const api = openTelemetry();
  if (!api) return undefined;
  const base = { [ATTR.integration]: integration };
  return {
    call(operation) {
      const tracer = api.trace.getTracer('@contractgen/runtime', RUNTIME_VERSION);
      const metrics = instruments(api);
      const name = `${integration}.${operation}`;
      const labels = { ...base, [ATTR.operation]: operation };
      const parent = api.context.active();
      const callSpan = tracer.startSpan(name, { kind: api.SpanKind.INTERNAL, attributes: labels }, parent);
      const callContext = api.trace.setSpan(parent, callSpan);
      return {
        attempt(n, retryReason) {
          const span = tracer.startSpan(
            name,
            { kind: api.SpanKind.CLIENT, attributes: { ...labels, [ATTR.attempt]: n, ...(retryReason !== undefined && { [ATTR.retryReason]: retryReason }) } },
            callContext,
          );
          return {
            within: (run) => api.context.with(api.trace.setSpan(callContext, span), run),
            waited(ms) {
              span.setAttribute(ATTR.rateLimitWaitMs, ms);
              metrics.rateLimitWait.record(ms / 1000, labels);
            },
            end(outcome, response, error) {
              span.setAttributes({ [ATTR.outcome]: outcome, ...responseAttributes(response), ...(error && errorAttributes(error)) });
              if (error) span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.code });
              span.end();
            },
          };
        },
        queued(delta) {
          metrics.queueDepth.add(delta, base);
        },
        end(outcome, attempts, durationMs, response, error) {
          callSpan.setAttributes({ [ATTR.outcome]: outcome, [ATTR.attempts]: attempts, ...responseAttributes(response), ...(error && errorAttributes(error)) });
          if (error) callSpan.setStatus({ code: api.SpanStatusCode.ERROR, message: error.code });
          callSpan.end();
          metrics.calls.add(1, { ...labels, [ATTR.outcome]: outcome });
          if (error) metrics.errors.add(1, { ...labels, [ATTR.errorType]: error.name, [ATTR.errorCode]: error.code });
          metrics.duration.record(durationMs / 1000, { ...labels, [ATTR.outcome]: outcome });
        },
      };
    },
  };
}
