import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, defineAdapter, InvalidInputError, ManualClock, MemoryRateLimitStore, ProviderError, RateLimitedError, Secret, type InvokeContext } from '@contractgen/runtime';
import type { SmsOutboundSendSmsInput, SmsOutboundSendSmsOutput } from '../../generated/capabilities/sms.outbound/types.js';
import type { SmsTwilioConfig, SmsTwilioSecrets } from '../../generated/integrations/sms.twilio/types.js';
import { checkSmsTwilioHealth, createSmsTwilioClient } from '../../generated/integrations/sms.twilio/client.js';

const TOKEN = 'tok_3f9a8c7e6d5b4a39281706f5e4d3c2b1';

/** An in-memory adapter standing in for the provider, recording what the client passes it. */
function recordingAdapter(behaviour: { send?: (input: SmsOutboundSendSmsInput) => Promise<SmsOutboundSendSmsOutput>; health?: () => Promise<{ status: 'ok' | 'degraded' | 'down' }> } = {}) {
  const calls: { input: unknown; context: InvokeContext; secrets: Record<string, unknown>; config: unknown }[] = [];
  const adapter = defineAdapter<'sms.twilio', SmsTwilioConfig, SmsTwilioSecrets, import('../../generated/capabilities/sms.outbound/types.js').SmsOutboundOperations>({
    integration: 'sms.twilio',
    connect: ({ config, secrets }) => ({
      sendSms: async (input, context) => {
        calls.push({ input, context, secrets, config });
        return (behaviour.send ?? (async (i) => ({ id: 'SM1', status: 'queued', to: i.to, from: null, segments: 1, price: null, priceUnit: null, errorCode: null, errorMessage: null, createdAt: null, sentAt: null, updatedAt: null })))(input);
      },
      getDeliveryStatus: async () => {
        throw new Error('not used');
      },
      probeHealth: behaviour.health ?? (async () => ({ status: 'ok' })),
    }),
  });
  return { adapter, calls };
}

const secrets = { accountSid: 'ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', authToken: TOKEN };
const rateLimitStore = () => new MemoryRateLimitStore();

describe('generated client + runtime', () => {
  it('rejects bad config and secrets with one error listing every problem by path, without values', async () => {
    const { adapter } = recordingAdapter();
    const error = await createSmsTwilioClient({ adapter, config: { fromNumber: 15551234567 } as never, secrets: { accountSid: 42 } as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    const issues = (error as ConfigurationError).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'config.fromNumber', message: 'must be string' },
        { path: 'secrets.accountSid', message: 'must be string' },
        { path: 'secrets.authToken', message: 'is required' },
      ]),
    );
    expect((error as Error).message).not.toContain('15551234567');
  });

  it('resolves env:// secret references and names a missing variable, never a value', async () => {
    const { adapter, calls } = recordingAdapter();
    const provider = { get: (name: string) => (name === 'TWILIO_TOKEN' ? TOKEN : undefined) };
    const client = await createSmsTwilioClient({ adapter, config: {}, secrets: { ...secrets, authToken: 'env://TWILIO_TOKEN' }, secretProvider: provider, rateLimitStore: rateLimitStore() });
    await client.sendSms({ to: '+15558675310', body: 'hi', from: '+15551234567' });
    const received = calls[0]!.secrets.authToken as Secret;
    expect(received).toBeInstanceOf(Secret);
    expect(received.reveal()).toBe(TOKEN);
    expect(JSON.stringify(calls[0]!.secrets)).not.toContain(TOKEN);
    expect(inspect(calls[0]!.secrets, { depth: 5, showHidden: true })).not.toContain(TOKEN);

    const missing = await createSmsTwilioClient({ adapter, config: {}, secrets: { ...secrets, authToken: 'env://NOT_SET_ANYWHERE' }, secretProvider: provider }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ConfigurationError);
    expect((missing as Error).message).toContain('NOT_SET_ANYWHERE');
  });

  it('validates operation input before the adapter is called', async () => {
    const { adapter, calls } = recordingAdapter();
    const client = await createSmsTwilioClient({ adapter, config: {}, secrets, rateLimitStore: rateLimitStore() });
    const error = await client.sendSms({ to: '555-1234', body: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((i) => i.path).sort()).toEqual(['body', 'to']);
    expect(calls).toHaveLength(0);
  });

  it('passes a live AbortSignal and attempt number to the adapter', async () => {
    const { adapter, calls } = recordingAdapter();
    const client = await createSmsTwilioClient({ adapter, config: { fromNumber: '+15551234567' }, secrets, rateLimitStore: rateLimitStore() });
    const sent = await client.sendSms({ to: '+15558675310', body: 'hello' });
    expect(sent.id).toBe('SM1');
    expect(calls[0]!.context.signal).toBeInstanceOf(AbortSignal);
    expect(calls[0]!.context.attempt).toBe(1);
    expect(calls[0]!.config).toEqual({ fromNumber: '+15551234567' });
  });

  it("checks the adapter's result against the operation's output schema: missing fields are an error naming them, never a success", async () => {
    const { adapter } = recordingAdapter({ send: async (input) => ({ status: 'queued', to: input.to, segments: 'one' }) as never });
    const client = await createSmsTwilioClient({ adapter, config: {}, secrets, rateLimitStore: rateLimitStore() });
    const outcome = await client.sendSms({ to: '+15558675310', body: 'x', from: '+15551234567' }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect(outcome).not.toHaveProperty('value');
    const error = (outcome as { error: ProviderError & { issues: { path: string; message: string }[] } }).error;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', integration: 'sms.twilio', retryable: false });
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'segments']));
    expect(error.message).toContain('sendSms');
    expect(error.message).toMatch(/- id: is required/);
  });

  it('redacts a secret that an adapter error message echoes', async () => {
    const { adapter } = recordingAdapter({ send: async () => Promise.reject(new Error(`upstream said: bad token ${TOKEN}`)) });
    const client = await createSmsTwilioClient({ adapter, config: {}, secrets, rateLimitStore: rateLimitStore() });
    const error = (await client.sendSms({ to: '+15558675310', body: 'x', from: '+15551234567' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('***');
    expect(`${error.message}\n${error.stack}\n${inspect(error)}`).not.toContain(TOKEN);
  });

  it('health: ok within the spec timeout, down (never thrown) on config errors and slow probes', async () => {
    const ok = recordingAdapter({ health: async () => ({ status: 'degraded' }) });
    const report = await checkSmsTwilioHealth({ adapter: ok.adapter, config: {}, secrets });
    expect(report).toMatchObject({ integration: 'sms.twilio', status: 'degraded' });
    expect(new Date(report.checkedAt).toISOString()).toBe(report.checkedAt);
    expect(report.latencyMs).toBeGreaterThanOrEqual(0);

    const bad = await checkSmsTwilioHealth({ adapter: ok.adapter, config: {}, secrets: {} as never });
    expect(bad).toMatchObject({ status: 'down', error: { code: 'CONFIGURATION' } });

    const slow = recordingAdapter({ health: () => new Promise(() => {}) });
    const timedOut = await checkSmsTwilioHealth({ adapter: slow.adapter, config: {}, secrets, healthTimeoutMs: 50 });
    expect(timedOut).toMatchObject({ status: 'down', error: { code: 'TIMEOUT' } });
  });

  it("1,000 concurrent sends under the spec's rpm 200 never exceed 200 requests in any 60 s window, and none is lost", async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const sentAt: number[] = [];
    const { adapter } = recordingAdapter({
      send: async (input) => {
        sentAt.push(clock.now());
        return { id: `SM${sentAt.length}`, status: 'queued', to: input.to, from: null, segments: 1, price: null, priceUnit: null, errorCode: null, errorMessage: null, createdAt: null, sentAt: null, updatedAt: null };
      },
    });
    const client = await createSmsTwilioClient({ adapter, config: { fromNumber: '+15551234567' }, secrets, clock, rateLimitStore: rateLimitStore(), maxQueue: 1000 });
    const outcomes = Array.from({ length: 1000 }, (_, i) =>
      client.sendSms({ to: '+15558675310', body: `message ${i}` }).then(
        () => 'sent' as const,
        (error: unknown) => (error instanceof RateLimitedError ? ('rate-limited' as const) : ('other' as const)),
      ),
    );
    await clock.runAll();
    const settled = await Promise.all(outcomes);
    expect(settled.filter((o) => o === 'other')).toEqual([]);
    expect(settled.filter((o) => o === 'sent')).toHaveLength(sentAt.length);
    expect(sentAt).toHaveLength(1000);
    let busiest = 0;
    for (let start = 0, end = 0; end < sentAt.length; end++) {
      while (sentAt[end]! - sentAt[start]! >= 60_000) start++;
      busiest = Math.max(busiest, end - start + 1);
    }
    expect(busiest).toBeLessThanOrEqual(200);
    expect(busiest).toBeGreaterThan(150);

    // A queue bound of 100: the excess is refused at once with the typed error, none lost.
    const bounded = await createSmsTwilioClient({ adapter, config: { fromNumber: '+15551234567' }, secrets, clock, rateLimitStore: rateLimitStore(), maxQueue: 100 });
    const burst = Array.from({ length: 1000 }, () => bounded.sendSms({ to: '+15558675310', body: 'x' }).then(() => 'sent', (e: unknown) => (e instanceof RateLimitedError ? 'rate-limited' : 'other')));
    await clock.runAll();
    const results = await Promise.all(burst);
    expect(results.filter((r) => r === 'other')).toEqual([]);
    expect(results.filter((r) => r === 'sent').length + results.filter((r) => r === 'rate-limited').length).toBe(1000);
    expect(results.filter((r) => r === 'rate-limited').length).toBeGreaterThan(800);
  });

  it('refuses an adapter built for another integration', async () => {
    const { adapter } = recordingAdapter();
    const error = await createSmsTwilioClient({ adapter: { ...adapter, integration: 'sms.other' } as never, config: {}, secrets }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('implements sms.other');
  });
});
