/**
 * Runtime bar: one SMS send through the generated sms.twilio client and the Twilio adapter, vs the
 * same send made directly with the `twilio` SDK. Both go to the local Twilio stand-in over the
 * same loopback httpClient (adapters/twilio/loopback-http-client.ts), sequentially, in one process.
 *
 * The spec's rate limit (200 rpm) would make a loop of sends measure the limiter's waiting rather
 * than its cost, so the generated client gets a rate-limit store that runs the real in-memory
 * token bucket with a capacity no loop reaches: every send still takes a token.
 *
 * If the adapter (adapters/twilio/sms.ts, `createTwilioSmsAdapter({ baseUrl })`) or the generated
 * client is not there yet, only the direct send is measured and `available` is false.
 *
 * Usage: node --import tsx bench/send.ts [--sends 300] [--warmup 50] [--block 50]
 * Prints one JSON line: { available, reason?, generatedMeanMs, directMeanMs, sends }.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import twilio from 'twilio';
import { createLoopbackHttpClient } from '../adapters/twilio/loopback-http-client.js';
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN, startTwilioStandIn } from '../adapters/twilio/testing/stand-in.js';
import { MemoryRateLimitStore, type BucketSpec, type RateLimitStore } from '../runtime/client/index.js';
import { sendOptions } from './send-options.js';

const { sends, warmup, block } = sendOptions;

const TO = '+15558675310';
const FROM = '+15551234567';
const BODY = 'Your code is 123456';

const standIn = await startTwilioStandIn();
const send: Record<'generated' | 'direct', (() => Promise<unknown>) | undefined> = { generated: undefined, direct: undefined };

const direct = twilio(STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN, { httpClient: createLoopbackHttpClient(standIn.url) });
send.direct = () => direct.messages.create({ to: TO, from: FROM, body: BODY });

let reason: string | undefined;
try {
  const adapters = (await import(pathToFileURL(resolve('adapters/twilio/sms.ts')).href)) as { createTwilioSmsAdapter?: (options: { baseUrl: string }) => unknown };
  if (typeof adapters.createTwilioSmsAdapter !== 'function') throw new Error('adapters/twilio/sms.ts has no createTwilioSmsAdapter');
  const generated = (await import(pathToFileURL(resolve('generated/integrations/sms.twilio/client.ts')).href)) as {
    createSmsTwilioClient?: (options: object) => Promise<{ sendSms: (input: object) => Promise<unknown> }>;
  };
  if (typeof generated.createSmsTwilioClient !== 'function') throw new Error('generated sms.twilio client has no createSmsTwilioClient');
  const memory = new MemoryRateLimitStore();
  const rateLimitStore: RateLimitStore = {
    take: (key: string, buckets: readonly BucketSpec[], now: number) => memory.take(key, buckets.map((b) => ({ ...b, capacity: Number.MAX_SAFE_INTEGER })), now),
  };
  const client = await generated.createSmsTwilioClient({
    config: { fromNumber: FROM },
    secrets: { accountSid: STAND_IN_ACCOUNT_SID, authToken: STAND_IN_AUTH_TOKEN },
    adapter: adapters.createTwilioSmsAdapter({ baseUrl: standIn.url }),
    rateLimitStore,
  });
  send.generated = () => client.sendSms({ to: TO, body: BODY });
} catch (error) {
  reason = (error as Error).message.split('\n')[0];
}

async function run(fn: () => Promise<unknown>, count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await fn();
  return performance.now() - start;
}

const paths = (['generated', 'direct'] as const).filter((name) => send[name]);
for (const name of paths) await run(send[name]!, warmup);
standIn.reset();
const total: Record<string, number> = { generated: 0, direct: 0 };
const blockMeans: Record<string, number[]> = { generated: [], direct: [] };
for (let done = 0, round = 0; done < sends; done += block, round++) {
  const count = Math.min(block, sends - done);
  const order = round % 2 ? [...paths].reverse() : paths;
  for (const name of order) {
    const ms = await run(send[name]!, count);
    total[name]! += ms;
    blockMeans[name]!.push(ms / count);
  }
  if (standIn.requests.length !== count * paths.length) throw new Error(`stand-in saw ${standIn.requests.length} requests, expected ${count * paths.length}`);
  standIn.reset();
}
await standIn.close();
process.stdout.write(
  JSON.stringify({
    available: send.generated !== undefined,
    reason,
    sends,
    generatedMeanMs: send.generated ? total.generated! / sends : undefined,
    directMeanMs: total.direct! / sends,
    blockMeans,
  }) + '\n',
);
// The SDK's keep-alive agents would hold the process open.
process.exit(0);
