import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createKernel,
  InvalidInputError,
  IntegrationError,
  ManualClock,
  MemoryRateLimitStore,
  ProviderError,
  RateLimitedError,
  Secret,
  TimeoutError,
  type InvokeContext,
  type KernelOptions,
  type RateLimitStore,
} from '@contractgen/runtime';
import { settle } from '../support/settle.js';

const TOKEN = 'auth_token_9f8e7d6c5b4a';
const send = { name: 'sendMessage', idempotent: false, timeoutMs: 3_000 } as const;
const fetchStatus = { name: 'getMessage', idempotent: true, timeoutMs: 3_000 } as const;

/** A store that counts every token it grants. */
function countingStore(): RateLimitStore & { granted: number[] } {
  const inner = new MemoryRateLimitStore();
  const granted: number[] = [];
  return {
    granted,
    async take(key, buckets, now) {
      const result = await inner.take(key, buckets, now);
      if (result.granted) granted.push(now);
      return result;
    },
  };
}

function kernel(clock: ManualClock, options: Partial<KernelOptions> = {}) {
  return createKernel({
    integration: 'sms.twilio',
    clock,
    rateLimitStore: new MemoryRateLimitStore(),
    retry: { random: () => 0.5 },
    ...options,
  });
}

const hang = () => new Promise<never>(() => {});

describe('createKernel().run', () => {
  it('rate-limits calls, then invokes the adapter with a signal and the attempt number', async () => {
    const clock = new ManualClock();
    const client = kernel(clock, { rateLimit: { rpm: 1 } });
    const contexts: InvokeContext[] = [];
    const invoke = async (ctx: InvokeContext) => {
      contexts.push(ctx);
      return { sid: `SM${contexts.length}`, at: clock.now() };
    };
    const first = await settle(clock, client.run(send, invoke));
    const second = await settle(clock, client.run(send, invoke));
    expect(first).toEqual({ value: { sid: 'SM1', at: 0 } });
    // rpm 1: the next token comes a minute (and a millisecond of guard) later.
    expect((second as { value: { at: number } }).value.at).toBeGreaterThan(60_000);
    expect(contexts.map((c) => c.attempt)).toEqual([1, 1]);
    expect(contexts[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it('takes a fresh rate-limit token for every attempt and honours Retry-After', async () => {
    const clock = new ManualClock();
    const store = countingStore();
    const client = kernel(clock, { rateLimit: { rpm: 100 }, rateLimitStore: store });
    const attempts: { attempt: number; at: number }[] = [];
    const outcome = await settle(
      clock,
      client.run(send, async ({ attempt }) => {
        attempts.push({ attempt, at: clock.now() });
        if (attempt === 1) throw new RateLimitedError({ source: 'provider', status: 429, retryAfterMs: 2_000 });
        return 'sent';
      }),
    );
    expect(outcome).toEqual({ value: 'sent' });
    expect(attempts).toEqual([
      { attempt: 1, at: 0 },
      { attempt: 2, at: 2_000 },
    ]);
    expect(store.granted).toEqual([0, 2_000]);
  });

  it('times out a non-idempotent send once and never re-sends it', async () => {
    const clock = new ManualClock();
    const client = kernel(clock);
    let calls = 0;
    const outcome = await settle(
      clock,
      client.run(send, () => {
        calls++;
        return hang();
      }),
    );
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', requestMayHaveBeenSent: true, retryable: false, integration: 'sms.twilio' });
    expect((error as Error).message).toContain('sendMessage');
    expect(calls).toBe(1);
    expect(clock.now()).toBe(3_000);
  });

  it('retries an idempotent operation after timeouts, each attempt with its own timeout', async () => {
    const clock = new ManualClock();
    const client = kernel(clock, { retry: { maxAttempts: 3, random: () => 0 } });
    const started: number[] = [];
    const aborted: unknown[] = [];
    const outcome = await settle(
      clock,
      client.run(fetchStatus, ({ signal, attempt }) => {
        started.push(clock.now());
        signal.addEventListener('abort', () => aborted.push(signal.reason));
        return attempt < 3 ? hang() : Promise.resolve('delivered');
      }),
    );
    expect(outcome).toEqual({ value: 'delivered' });
    expect(started).toEqual([0, 3_000, 6_000]);
    expect(aborted).toHaveLength(2);
    expect(aborted[0]).toBeInstanceOf(TimeoutError);
  });

  it('lets the caller abort with their own reason', async () => {
    const clock = new ManualClock();
    const client = kernel(clock, { rateLimit: { rpm: 1 } });
    await client.run(send, async () => 'first');
    const controller = new AbortController();
    const waiting = client.run(send, async () => 'second', controller.signal).catch((e: unknown) => e);
    await clock.advance(10);
    const reason = new Error('request cancelled by user');
    controller.abort(reason);
    expect(await waiting).toBe(reason);
  });

  it('reports a full local queue as RateLimitedError for the integration', async () => {
    const clock = new ManualClock();
    const client = kernel(clock, { rateLimit: { rpm: 1 }, maxQueue: 1 });
    const calls = [1, 2, 3].map(() => settle(clock, client.run(send, async () => 'ok')));
    const outcomes = await Promise.all(calls);
    const rejected = outcomes.filter((o) => 'error' in o).map((o) => (o as { error: unknown }).error);
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toBeInstanceOf(RateLimitedError);
    expect(rejected[0]).toMatchObject({ source: 'local', integration: 'sms.twilio' });
  });

  it('wraps an unknown adapter error in a ProviderError that keeps it (a scrubbed copy of it) as cause', async () => {
    const clock = new ManualClock();
    const client = kernel(clock);
    const bug = new TypeError("Cannot read properties of undefined (reading 'sid')");
    const outcome = await settle(
      clock,
      client.run(send, async () => {
        throw bug;
      }),
    );
    const error = (outcome as { error: ProviderError }).error;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'PROVIDER', integration: 'sms.twilio', retryable: false });
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.cause).toMatchObject({ message: bug.message, stack: bug.stack });
    expect(error.message).toContain("reading 'sid'");
  });

  it('keeps an adapter IntegrationError, filling in the integration', async () => {
    const clock = new ManualClock();
    const client = kernel(clock);
    const thrown = new ProviderError('Unsubscribed recipient', { status: 400, providerCode: 21610 });
    const outcome = await settle(
      clock,
      client.run(send, async () => {
        throw thrown;
      }),
    );
    expect((outcome as { error: unknown }).error).toBe(thrown);
    expect(thrown.integration).toBe('sms.twilio');
  });

  describe('redaction', () => {
    const secrets = [new Secret(TOKEN), new Secret('AC0123456789')];

    async function failWith(error: unknown): Promise<Error> {
      const clock = new ManualClock();
      const client = kernel(clock, { secrets });
      const outcome = await settle(
        clock,
        client.run(send, async () => {
          throw error;
        }),
      );
      return (outcome as { error: Error }).error;
    }

    function expectClean(error: Error) {
      expect(error.message).not.toContain(TOKEN);
      expect(error.stack).not.toContain(TOKEN);
      expect(inspect(error, { depth: Infinity })).not.toContain(TOKEN);
      expect(JSON.stringify(error)).not.toContain(TOKEN);
      expect(inspect(error)).not.toContain('AC0123456789');
    }

    it('scrubs a secret from an unknown error, its stack and its cause', async () => {
      const adapterError = new Error(`401 Unauthorized for https://AC0123456789:${TOKEN}@api.twilio.com/2010-04-01`);
      void adapterError.stack; // formatted now, with the secret in it
      const error = await failWith(adapterError);
      expect(error).toBeInstanceOf(ProviderError);
      expectClean(error);
      expect(error.message).toContain('https://***:***@api.twilio.com');
      expect((error.cause as Error).message).not.toContain(TOKEN);
    });

    it('scrubs a secret from an adapter IntegrationError and its issues', async () => {
      const thrown = new InvalidInputError([{ path: 'body', message: `must not contain the token ${TOKEN}` }]);
      const error = await failWith(thrown);
      expect(error).toBe(thrown);
      expectClean(error);
      expect(thrown.issues[0]!.message).toBe('must not contain the token ***');
    });

    it("scrubs a nested cause chain (what it hands on; the adapter's own errors are left as they were)", async () => {
      const root = new Error(`socket hang up sending Authorization: Basic ${TOKEN}`);
      const error = await failWith(new ProviderError('request failed', { cause: new Error(`wrapped: ${TOKEN}`, { cause: root }) }));
      expectClean(error);
      expect(((error.cause as Error).cause as Error).message).toBe('socket hang up sending Authorization: Basic ***');
      expect(root.message).toContain(TOKEN);
    });
  });

  it("runs the adapter's preparation once, before the first token and outside the per-attempt timeout", async () => {
    const clock = new ManualClock();
    const store = countingStore();
    let preparations = 0;
    const client = kernel(clock, {
      rateLimit: { rpm: 100 },
      rateLimitStore: store,
      // Loading an SDK: 500 ms on the clock, five times the attempt's limit.
      prepare: async () => {
        preparations++;
        await clock.sleep(500);
      },
    });
    const invoke = async () => clock.now();
    expect(await settle(clock, client.run({ ...send, timeoutMs: 100 }, invoke))).toEqual({ value: 500 });
    // The token was taken once preparation was over, not while it ran.
    expect(store.granted).toEqual([500]);
    expect(await settle(clock, client.run({ ...send, timeoutMs: 100 }, invoke))).toEqual({ value: 500 });
    expect(preparations).toBe(1);
  });

  it('reports a failed preparation as not sent, and prepares again on the next call', async () => {
    const clock = new ManualClock();
    let preparations = 0;
    const client = kernel(clock, {
      prepare: async () => {
        if (++preparations === 1) throw new Error('Cannot find package twilio');
      },
    });
    const invoked: number[] = [];
    const invoke = async () => invoked.push(clock.now());
    const failed = await settle(clock, client.run(send, invoke));
    expect((failed as { error: unknown }).error).toBeInstanceOf(ProviderError);
    expect((failed as { error: Error }).error.message).toContain('Cannot find package twilio');
    expect(invoked).toEqual([]);
    expect(await settle(clock, client.run(send, invoke))).toEqual({ value: 1 });
    expect(preparations).toBe(2);
  });

  it('works with real timers and short timeouts', async () => {
    const client = createKernel({ integration: 'sms.twilio', retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const started = Date.now();
    const error = await client.run({ name: 'getMessage', idempotent: true, timeoutMs: 20 }, hang).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(38);
    await expect(client.run({ name: 'getMessage', idempotent: true, timeoutMs: 1_000 }, async () => 'fast')).resolves.toBe('fast');
  });
});
