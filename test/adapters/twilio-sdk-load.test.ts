/**
 * The first call of a process loads the twilio SDK (adapters/twilio/sdk.ts, lazily). That load
 * sends nothing, so it must not count against the per-attempt timeout, and when it is
 * interrupted no error may claim the request may have been sent.
 *
 * Its own file on purpose: vitest forks a process per test file, so the first test here is the
 * first load of the SDK in this process. Nothing imported at module level loads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSmsAdapter } from '@contractgen/twilio/sms';
import { startTwilioStandIn, type TwilioStandIn } from '@contractgen/twilio/testing';
import { createSmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';
import { ManualClock, MemoryRateLimitStore, TimeoutError } from '@contractgen/runtime';

const ACCOUNT_SID = 'AC5ef8732a3c49700934481addd5ce1659';
const AUTH_TOKEN = '9c4b1e0d7a3f4e2b8d6c5a1f0e9d8c7b';
const TO = '+14155552671';

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startTwilioStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
});
afterAll(async () => {
  await standIn.close();
});

function client(clock?: ManualClock) {
  return createSmsTwilioClient({
    config: { fromNumber: '+15005550006' },
    secrets: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    adapter: createTwilioSmsAdapter({ baseUrl: standIn.url }),
    rateLimitStore: new MemoryRateLimitStore(),
    retry: { maxAttempts: 1 },
    timeoutMs: 60,
    ...(clock && { clock }),
  });
}

describe('the first SDK load', () => {
  it('does not count against timeoutMs: 60 ms pass on the clock while the SDK loads, and the send still succeeds', async () => {
    const clock = new ManualClock();
    const sms = await client(clock);
    const outcome = sms.sendSms({ to: TO, body: 'first of the process' }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    // The SDK is still loading: nothing has gone out, yet the per-attempt limit has passed.
    await clock.advance(60);
    expect(standIn.requests).toHaveLength(0);
    const result = await outcome;
    if ('error' in result) {
      // Before the fix: "no response within 60 ms ... may have reached the provider", 0 requests sent.
      expect({ error: String(result.error), requests: standIn.requests.length }).toBeUndefined();
    }
    expect((result as { value: { id: string } }).value.id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
  });

  it('interrupted by the caller, it rejects with their reason, claims nothing and sends nothing; the next call works', async () => {
    const sms = await client();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const aborted = sms.sendSms({ to: TO, body: 'never sent' }, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort(reason);
    const error = await aborted;
    expect(error).toBe(reason);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(standIn.requests).toHaveLength(0);

    const sent = await sms.sendSms({ to: TO, body: 'after the abort' }, { timeoutMs: 5_000 });
    expect(sent.id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(standIn.requests).toHaveLength(1);
    standIn.reset();
  });
});
