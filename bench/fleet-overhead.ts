/**
 * Issue 19's runtime bars: what a send costs more per call
 * - on the Redis rate-limit store (@contractgen/redis, a real redis-server on loopback) than on
 *   the in-memory store, and
 * - with tracing on (the OpenTelemetry SDK registered: spans to an in-memory exporter, metrics to
 *   an in-memory reader, the AsyncLocalStorage context manager) than with tracing off (the API
 *   installed, nothing registered: what an app without an SDK gets).
 * Each variant is a send through the generated sms.twilio client and the Twilio adapter to the
 * local stand-in, like bench/send.ts; the variants run in alternating blocks in one process, the
 * in-memory store with tracing off being the baseline of both ratios.
 *
 * The stand-in runs in a child process (./stand-in-process.ts): it stands in for Twilio's
 * servers, which are never in the client's process. In the client's process its request parsing
 * and answers would run on the client's event loop and CPU time, adding to every variant work no
 * deployment does there; Redis, the other server a send talks to, is a process of its own too. The spec's rate limit would
 * measure the limiter's waiting rather than its cost, so every store here sees buckets with a
 * capacity no loop reaches: each send still runs a real take (the Lua script on Redis).
 *
 * Usage: node --import tsx bench/fleet-overhead.ts [--sends 300] [--warmup 50] [--block 50]
 * Prints one JSON line: { sends, memoryMs, redisMs, tracingOnMs } (means per send).
 */
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { MemoryRateLimitStore, type BucketSpec, type RateLimitStore } from '@contractgen/runtime';
import { createRedisRateLimitStore } from '@contractgen/redis';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN } from '@contractgen/twilio/testing';
import { createSmsTwilioClient } from '../generated/integrations/sms.twilio/client.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { sendOptions } from './send-options.js';
import { startStandInProcess } from './stand-in-process.js';

const { sends, warmup, block } = sendOptions;

/** The store as a client uses it (take, refund, take-ahead), on buckets no loop empties. */
function unbounded(store: RateLimitStore): RateLimitStore {
  const wide = (buckets: readonly BucketSpec[]) => buckets.map((b) => ({ ...b, capacity: 1e12 }));
  return {
    take: (key, buckets, now) => store.take(key, wide(buckets), now),
    refund: async (key, buckets, now) => store.refund?.(key, wide(buckets), now),
    ...(store.takeAheadMs !== undefined && { takeAheadMs: store.takeAheadMs }),
  };
}

const standIn = await startStandInProcess();
const redis = await startRedisServer();
const redisStore = createRedisRateLimitStore({ url: redis.url });
const client = (rateLimitStore: RateLimitStore) =>
  createSmsTwilioClient({
    config: { fromNumber: '+15551234567' },
    secrets: { accountSid: STAND_IN_ACCOUNT_SID, authToken: STAND_IN_AUTH_TOKEN },
    adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
    rateLimitStore,
  });

const memory = await client(unbounded(new MemoryRateLimitStore()));
const onRedis = await client(unbounded(redisStore));
const traced = await client(unbounded(new MemoryRateLimitStore()));

// Clients find the tracer and meter providers at each call: the SDK is registered for the
// tracing-on blocks and unregistered for the others.
const spans = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const meterProvider = new MeterProvider({
  readers: [new PeriodicExportingMetricReader({ exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE), exportIntervalMillis: 3_600_000 })],
});
const contextManager = new AsyncLocalStorageContextManager();

function tracing(on: boolean): void {
  trace.disable();
  metrics.disable();
  context.disable();
  if (on) {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(tracerProvider);
    metrics.setGlobalMeterProvider(meterProvider);
  }
  spans.reset();
}

const TO = '+15558675310';
const BODY = 'Your code is 123456';
const variants = {
  memory: { send: () => memory.sendSms({ to: TO, body: BODY }), traced: false },
  redis: { send: () => onRedis.sendSms({ to: TO, body: BODY }), traced: false },
  tracingOn: { send: () => traced.sendSms({ to: TO, body: BODY }), traced: true },
} as const;
type Variant = keyof typeof variants;

async function run(name: Variant, count: number): Promise<number> {
  tracing(variants[name].traced);
  const start = performance.now();
  for (let i = 0; i < count; i++) await variants[name].send();
  const ms = performance.now() - start;
  // A span per call and one per attempt when tracing is on; none when it is off.
  const expected = variants[name].traced ? 2 * count : 0;
  if (spans.getFinishedSpans().length !== expected) throw new Error(`${name}: ${spans.getFinishedSpans().length} spans, expected ${expected}`);
  return ms;
}

const names = Object.keys(variants) as Variant[];
for (const name of names) await run(name, warmup);
const total: Record<Variant, number> = { memory: 0, redis: 0, tracingOn: 0 };
for (let done = 0, round = 0; done < sends; done += block, round++) {
  const count = Math.min(block, sends - done);
  // Each round in another order, so no variant always follows the same one.
  const order = names.map((_, i) => names[(i + round) % names.length]!);
  for (const name of order) total[name] += await run(name, count);
  standIn.reset();
}
tracing(false);
await redisStore.close();
await redis.stop();
await standIn.close();
process.stdout.write(`${JSON.stringify({ sends, memoryMs: total.memory / sends, redisMs: total.redis / sends, tracingOnMs: total.tracingOn / sends })}\n`);
// The SDK's keep-alive agents would hold the process open.
process.exit(0);
