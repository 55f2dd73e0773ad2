/**
 * OpenTelemetry from the generated sms.twilio client, end to end (client -> kernel -> Twilio
 * adapter -> twilio SDK -> loopback -> the Twilio stand-in), recorded by the SDK's in-memory
 * exporters: a span per call and per attempt with their attributes, the metrics, and never a
 * secret, a phone number or a message body anywhere in what is exported.
 */
import { context, metrics, trace, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, responseOf } from '@contractgen/runtime';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn, twilioErrorBody, type TwilioStandIn } from '@contractgen/twilio/testing';
import { createSmsTwilioClient, type SmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';
import { REPO } from '../support/workspace.js';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const TO = '+14155552671';
const BODY = 'Your one-time code is 482915';
const MESSAGES = 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json';

const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
const contextManager = new AsyncLocalStorageContextManager();
let standIn: TwilioStandIn;
let client: SmsTwilioClient;

beforeAll(async () => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  // Created after the SDK is registered, as OpenTelemetry asks.
  client = await createSmsTwilioClient({
    config: { fromNumber: '+15005550006' },
    secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
    retry: { baseDelayMs: 1 },
  });
});
afterAll(async () => {
  await standIn?.close();
  trace.disable();
  metrics.disable();
  context.disable();
});
beforeEach(() => {
  spans.reset();
  standIn.reset();
});

const named = (name: string) => spans.getFinishedSpans().filter((s) => s.name === name);
const attempts = () => named('sms.twilio.sendSms').filter((s) => s.attributes['contractgen.attempt'] !== undefined);
const calls = () => named('sms.twilio.sendSms').filter((s) => s.attributes['contractgen.attempt'] === undefined);

/** Everything a span exports that could carry a value: attributes, events, status. */
function exported(span: ReadableSpan): string {
  return JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events, status: span.status, links: span.links });
}

describe('traces', () => {
  it('one span per call and one per attempt, named <integration>.<operation>, under the caller\'s span', async () => {
    const tracer = trace.getTracer('app');
    const sent = await tracer.startActiveSpan('checkout', async (parent) => {
      try {
        return await client.sendSms({ to: TO, body: BODY });
      } finally {
        parent.end();
      }
    });
    const [call] = calls();
    const [attempt] = attempts();
    const parent = named('checkout')[0]!;
    expect(call!.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(attempt!.parentSpanContext?.spanId).toBe(call!.spanContext().spanId);
    expect(call!.attributes).toEqual({
      'contractgen.integration': 'sms.twilio',
      'contractgen.operation': 'sendSms',
      'contractgen.outcome': 'success',
      'contractgen.attempts': 1,
      'http.response.status_code': 201,
      'contractgen.provider.request_id': responseOf(sent)!.requestId,
    });
    expect(attempt!.attributes).toMatchObject({
      'contractgen.integration': 'sms.twilio',
      'contractgen.operation': 'sendSms',
      'contractgen.attempt': 1,
      'contractgen.rate_limit.wait_ms': expect.any(Number),
      'contractgen.outcome': 'success',
      'http.response.status_code': 201,
    });
    expect(responseOf(sent)!.requestId).toMatch(/^RQ[0-9a-f]{32}$/);
  });

  it('a retried call: attempt spans with the retry reason, the error class and the provider\'s code', async () => {
    standIn.respondNext(MESSAGES, { status: 429, body: twilioErrorBody(429, 20429, 'Too Many Requests'), headers: { 'Retry-After': '0', 'Twilio-Request-Id': 'RQfirst' } });
    await client.sendSms({ to: TO, body: BODY });
    const [first, second] = attempts().sort((a, b) => Number(a.attributes['contractgen.attempt']) - Number(b.attributes['contractgen.attempt']));
    expect(first!.attributes).toMatchObject({
      'contractgen.attempt': 1,
      'contractgen.outcome': 'error',
      'error.type': 'RateLimitedError',
      'contractgen.error.code': 'RATE_LIMITED',
      'contractgen.provider.code': 20429,
      'http.response.status_code': 429,
      'contractgen.provider.request_id': 'RQfirst',
    });
    expect(first!.status).toEqual({ code: 2, message: 'RATE_LIMITED' });
    expect(second!.attributes).toMatchObject({ 'contractgen.attempt': 2, 'contractgen.retry.reason': 'RATE_LIMITED', 'contractgen.outcome': 'success' });
    expect(calls()[0]!.attributes).toMatchObject({ 'contractgen.attempts': 2, 'contractgen.outcome': 'success' });
  });

  it('never exports a secret, a phone number or a message body, even from a provider error that quotes them', async () => {
    const quoted = `The 'To' number ${TO} is not valid (body "${BODY}", token ${AUTH_TOKEN})`;
    standIn.respondNext(MESSAGES, { status: 400, body: twilioErrorBody(400, 21211, quoted), headers: { 'Twilio-Request-Id': 'RQbad' } });
    const error = await client.sendSms({ to: TO, body: BODY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).requestId).toBe('RQbad');
    const all = spans.getFinishedSpans().map(exported).join('\n');
    for (const value of [TO, TO.slice(1), BODY, AUTH_TOKEN, ACCOUNT_SID, 'not valid']) expect(all).not.toContain(value);
    expect(calls()[0]!.attributes).toMatchObject({ 'contractgen.outcome': 'error', 'error.type': 'InvalidInputError', 'contractgen.provider.code': 21211 });
  });
});

describe('an app of its own', () => {
  it('an ES module app whose SDK is registered after its client was made: traced all the same', () => {
    // Plain node on the compiled runtime, as an app runs it: the app imports the API, the runtime
    // require()s it. From @opentelemetry/api 1.10 on those are two copies (its ES module and
    // CommonJS builds) that share only the global registration, which is why the runtime looks
    // the tracer up at each call; 1.9, installed here, is one module either way.
    const script = `
      import { trace } from '@opentelemetry/api';
      import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
      import { createKernel } from '@contractgen/runtime';
      const kernel = createKernel({ integration: 'sms.acme' });
      const spans = new InMemorySpanExporter();
      trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
      await kernel.run({ name: 'sendSms', idempotent: false, timeoutMs: 1000 }, async () => ({ id: '1' }));
      console.log(JSON.stringify(spans.getFinishedSpans().map((span) => span.name)));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['sms.acme.sendSms', 'sms.acme.sendSms']);
  });
});

describe('metrics', () => {
  it('calls by outcome, errors by class, call duration, rate-limit wait and the rate-limit queue', async () => {
    standIn.respondNext(MESSAGES, { status: 400, body: twilioErrorBody(400, 21211, 'Invalid To'), headers: {} });
    await client.sendSms({ to: TO, body: BODY }).catch(() => undefined);
    await client.sendSms({ to: TO, body: BODY });
    await reader.forceFlush();
    const points = new Map<string, { attributes: Attributes; value: unknown }[]>();
    for (const resource of metricExporter.getMetrics()) {
      for (const scope of resource.scopeMetrics) {
        if (scope.scope.name !== '@contractgen/runtime') continue;
        for (const metric of scope.metrics) points.set(metric.descriptor.name, metric.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value })));
      }
    }
    const sms = { 'contractgen.integration': 'sms.twilio', 'contractgen.operation': 'sendSms' };
    const calls = points.get('contractgen.client.calls')!;
    expect(calls.find((p) => p.attributes['contractgen.outcome'] === 'error')).toMatchObject({ attributes: sms });
    expect(calls.find((p) => p.attributes['contractgen.outcome'] === 'success')).toMatchObject({ attributes: sms });
    expect(points.get('contractgen.client.errors')).toContainEqual({
      attributes: { ...sms, 'error.type': 'InvalidInputError', 'contractgen.error.code': 'INVALID_INPUT' },
      value: expect.any(Number),
    });
    expect(points.get('contractgen.client.duration')!.length).toBeGreaterThan(0);
    expect(points.get('contractgen.client.rate_limit.wait')!.length).toBeGreaterThan(0);
    // Every call that waited for a token has stopped waiting.
    expect(points.get('contractgen.client.rate_limit.queue')).toEqual([{ attributes: { 'contractgen.integration': 'sms.twilio' }, value: 0 }]);
    expect(JSON.stringify([...points])).not.toContain(TO);
  });
});
