/**
 * The per-client hooks and the provider's answer on results and errors, through the kernel with
 * an adapter that reports what it saw (`context.report`), as any adapter may: nothing here knows
 * how the adapter talks to its provider.
 */
import { describe, expect, it } from 'vitest';
import {
  createKernel,
  ManualClock,
  MemoryRateLimitStore,
  ProviderError,
  RateLimitedError,
  responseOf,
  Secret,
  type ClientHooks,
  type ErrorEvent,
  type InvokeContext,
  type RequestEvent,
  type ResponseEvent,
} from '@contractgen/runtime';
import { settle } from '../support/settle.js';

const TOKEN = 'auth_token_9f8e7d6c5b4a';
const send = { name: 'sendMessage', idempotent: false, timeoutMs: 3_000 } as const;

function recorder() {
  const events: (['request', RequestEvent] | ['response', ResponseEvent] | ['error', ErrorEvent])[] = [];
  const hooks: ClientHooks = {
    onRequest: (e) => void events.push(['request', e]),
    onResponse: (e) => void events.push(['response', e]),
    onError: (e) => void events.push(['error', e]),
  };
  return { events, hooks };
}

function kernel(clock: ManualClock, hooks: ClientHooks, rpm = 1) {
  return createKernel({
    integration: 'sms.twilio',
    clock,
    rateLimit: { rpm },
    rateLimitStore: new MemoryRateLimitStore(),
    retry: { random: () => 0.5 },
    secrets: [new Secret(TOKEN)],
    hooks,
  });
}

describe('hooks', () => {
  it('onRequest and onResponse per attempt, with the rate-limit wait, the duration and what the adapter reported', async () => {
    const clock = new ManualClock();
    const { events, hooks } = recorder();
    const client = kernel(clock, hooks);
    const invoke = async (context: InvokeContext) => {
      await clock.sleep(120);
      context.report?.({ status: 201, requestId: 'RQ1', headers: { 'twilio-request-id': 'RQ1' } });
      return { sid: 'SM1' };
    };
    await settle(clock, client.run(send, invoke));
    const second = await settle(clock, client.run(send, invoke));
    expect(events).toEqual([
      ['request', { integration: 'sms.twilio', operation: 'sendMessage', attempt: 1, rateLimitWaitMs: 0 }],
      ['response', { integration: 'sms.twilio', operation: 'sendMessage', attempt: 1, durationMs: 120, response: { status: 201, requestId: 'RQ1', headers: { 'twilio-request-id': 'RQ1' } } }],
      ['request', expect.objectContaining({ attempt: 1, rateLimitWaitMs: expect.any(Number) })],
      ['response', expect.objectContaining({ attempt: 1, durationMs: 120 })],
    ]);
    // rpm 1: the second call waited about a minute for its token.
    expect((events[2]![1] as RequestEvent).rateLimitWaitMs).toBeGreaterThan(59_000);
    // The answer travels with the result, which stays exactly what the adapter returned.
    const value = (second as { value: object }).value;
    expect(value).toEqual({ sid: 'SM1' });
    expect(JSON.stringify(value)).toBe('{"sid":"SM1"}');
    expect(responseOf(value)).toEqual({ status: 201, requestId: 'RQ1', headers: { 'twilio-request-id': 'RQ1' } });
  });

  it('onError per failed attempt, saying whether the client retries; the request id goes on the error, secrets never', async () => {
    const clock = new ManualClock();
    const { events, hooks } = recorder();
    const client = kernel(clock, hooks, 100);
    let attempts = 0;
    const outcome = await settle(
      clock,
      client.run(send, async (context) => {
        attempts++;
        context.report?.({ status: attempts === 1 ? 429 : 400, requestId: `RQ${attempts}` });
        if (attempts === 1) throw new RateLimitedError({ source: 'provider', retryAfterMs: 1_000 });
        throw new ProviderError(`rejected: token ${TOKEN}`, { status: 400, providerCode: 21211 });
      }),
    );
    const error = (outcome as { error: ProviderError }).error;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.requestId).toBe('RQ2');
    expect(responseOf(error)).toEqual({ status: 400, requestId: 'RQ2' });
    expect(error.toJSON()).toMatchObject({ requestId: 'RQ2' });
    expect(events.map(([kind, e]) => [kind, e.attempt, kind === 'error' ? (e as ErrorEvent).willRetry : undefined])).toEqual([
      ['request', 1, undefined],
      ['error', 1, true],
      ['request', 2, undefined],
      ['error', 2, false],
    ]);
    const [, last] = events[3] as ['error', ErrorEvent];
    expect(last.error).toBe(error);
    expect(last.response).toEqual({ status: 400, requestId: 'RQ2' });
    expect(JSON.stringify(events)).not.toContain(TOKEN);
    expect(last.error.message).toContain('***');
  });

  it('a refusal by the rate limiter is an attempt that failed before reaching the adapter', async () => {
    const clock = new ManualClock();
    const { events, hooks } = recorder();
    const client = createKernel({ integration: 'sms.twilio', clock, rateLimit: { rpm: 1 }, rateLimitStore: { take: () => Promise.reject(new RateLimitedError({ source: 'store' })) }, hooks });
    const outcome = await settle(clock, client.run(send, async () => ({ sid: 'never' })));
    expect((outcome as { error: unknown }).error).toMatchObject({ source: 'store' });
    expect(events).toEqual([['error', expect.objectContaining({ attempt: 1, durationMs: 0, willRetry: false })]]);
  });

  it('a hook that throws or rejects changes nothing: the call goes on, no rejection escapes', async () => {
    const clock = new ManualClock();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const client = kernel(clock, {
        onRequest: () => {
          throw new Error('logger down');
        },
        onResponse: () => Promise.reject(new Error('async logger down')) as unknown as void,
      });
      expect(await settle(clock, client.run(send, async () => ({ sid: 'SM1' })))).toEqual({ value: { sid: 'SM1' } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a caller\'s abort is not an error of the client: no onError, the reason comes back as it is', async () => {
    const clock = new ManualClock();
    const { events, hooks } = recorder();
    const client = kernel(clock, hooks);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const pending = client.run(send, (context) => new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason))), controller.signal);
    await clock.advance(0);
    controller.abort(reason);
    expect(await settle(clock, pending)).toEqual({ error: reason });
    expect(events.map(([kind]) => kind)).toEqual(['request']);
  });
});
