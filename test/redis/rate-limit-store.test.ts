/**
 * createRedisRateLimitStore against a real redis-server (test/support/redis-server.ts): the store
 * conformance suite every RateLimitStore runs, then what only a shared store has to get right:
 * Redis' clock rather than the callers', what each onUnavailable policy does while Redis is down,
 * a restart that loses the data, and reconnecting with no error escaping.
 */
import { createClient } from '@redis/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketsForLimits, RateLimitedError, RateLimiter, type BucketSpec, type RateLimitStore } from '@contractgen/runtime';
import { createRedisRateLimitStore, type RedisRateLimitStore, type RedisRateLimitStoreOptions } from '@contractgen/redis';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { describeRateLimitStore } from '../support/rate-limit-store-conformance.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

let redis: RedisServer;
const stores: RedisRateLimitStore[] = [];
function store(options: Partial<RedisRateLimitStoreOptions> = {}): RedisRateLimitStore {
  const made = createRedisRateLimitStore({ url: redis.url, ...options } as RedisRateLimitStoreOptions);
  stores.push(made);
  return made;
}

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
});

describeRateLimitStore('createRedisRateLimitStore', async () => {
  const [a, b] = [store(), store()];
  return { store: a, peer: b };
});

let keys = 0;
const key = () => `test-${process.pid}-${++keys}`;
const slow = (capacity: number): BucketSpec => ({ name: 'b', capacity, refillPerMs: 1 / 60_000, limit: capacity * 10, spanMs: 61_000 });

async function grants(target: RateLimitStore, k: string, buckets: readonly BucketSpec[], count: number, now = Date.now()): Promise<number> {
  let granted = 0;
  for (let i = 0; i < count; i++) if ((await target.take(k, buckets, now)).granted) granted++;
  return granted;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => error,
  );
}

describe('one budget on Redis\' clock', () => {
  it('callers whose clocks are an hour apart still share one budget: the callers\' time is ignored', async () => {
    const [a, b] = [store(), store()];
    const k = key();
    const bucket = slow(5);
    expect(await grants(a, k, [bucket], 5, Date.now())).toBe(5);
    // A store that refilled by the caller's clock would hand out 5 more to a host an hour ahead.
    expect(await grants(b, k, [bucket], 5, Date.now() + 3_600_000)).toBe(0);
    expect(await grants(b, k, [bucket], 5, 0)).toBe(0);
  });

  it('keys live under the prefix, one hash per budget, expiring a day after the last take', async () => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      const target = store({ prefix: 'app1:' });
      await target.take('sms.twilio', bucketsForLimits({ rpm: 200 }), Date.now());
      expect(await admin.keys('app1:*')).toEqual(['app1:{sms.twilio}']);
      const ttl = await admin.pTTL('app1:{sms.twilio}');
      expect(ttl).toBeGreaterThan(23 * 3_600_000);
      expect(Object.keys(await admin.hGetAll('app1:{sms.twilio}')).sort()).toEqual(['epoch', 'rpm:at', 'rpm:t']);
    } finally {
      admin.destroy();
    }
  });

  it('a limiter on two stores (two processes) hands out the rpm 200 budget once: a burst of 20, then the refill', async () => {
    const buckets = bucketsForLimits({ rpm: 200 });
    const k = key();
    const [a, b] = [store(), store()];
    const limiters = [a, b].map((s) => new RateLimiter({ key: k, limits: { rpm: 200 }, store: s }));
    const started = Date.now();
    const granted: number[] = [];
    await Promise.all(limiters.flatMap((limiter) => Array.from({ length: 15 }, () => limiter.acquire().then(() => granted.push(Date.now() - started)))));
    // 30 callers: the burst's 20 at once, the rest one refill interval (~337 ms) apart.
    expect(granted.filter((ms) => ms < 250)).toHaveLength(buckets[0]!.capacity);
    expect(Math.max(...granted)).toBeGreaterThan(9 * 300);
  });
});

describe('take-ahead', () => {
  it('a limiter on it takes the next token while a call is on its way, and one nobody used within takeAheadMs goes back to Redis', async () => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      // A hold long enough for a loaded machine: the two calls must come within it.
      const target = store({ takeAheadMs: 1_000 });
      await target.take(key(), [slow(1)], Date.now()); // connected
      const k = key();
      // rph 100: a burst of 10, almost no refill within the test.
      const limiter = new RateLimiter({ key: k, limits: { rph: 100 }, store: target });
      const tokens = async () => Math.floor(Number(await admin.hGet(`contractgen:rate-limit:{${k}}`, 'rph:t')));
      await limiter.acquire();
      await limiter.acquire();
      await sleep(50);
      expect(await tokens()).toBe(7); // 2 used, 1 held for the next caller
      await sleep(1_200);
      expect(await tokens()).toBe(8);
    } finally {
      admin.destroy();
    }
  });
});

describe('onUnavailable', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(redis.port);
  });
  afterAll(async () => {
    await proxy?.close();
  });
  /**
   * Waits until the store reaches Redis again after proxy.restore(). A take cannot tell (under
   * 'local' and 'fail-open' it is granted either way), so each probe takes on a new key and
   * Redis is asked whether that key now exists.
   */
  async function reconnected(target: RateLimitStore): Promise<void> {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(50)) {
        const probe = key();
        await target.take(probe, [slow(1_000)], Date.now()).catch(() => undefined);
        if ((await admin.exists(`contractgen:rate-limit:{${probe}}`)) === 1) return;
      }
    } finally {
      admin.destroy();
    }
    throw new Error('the store did not reach Redis again within 10 s');
  }

  it('fail-closed (the default): refused at once with RateLimitedError, source store, saying nothing was sent', async () => {
    const target = store({ url: proxy.url });
    const k = key();
    expect(await grants(target, k, [slow(5)], 1)).toBe(1);
    proxy.cut();
    try {
      const started = Date.now();
      const error = await refusal(target.take(k, [slow(5)], Date.now()));
      expect(Date.now() - started).toBeLessThan(500);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error).toMatchObject({ source: 'store', code: 'RATE_LIMITED', retryable: true });
      expect((error as Error).message).toContain('nothing was sent');
      expect((error as Error).message).toContain("onUnavailable: 'fail-closed'");
    } finally {
      proxy.restore();
    }
    await reconnected(target);
    // Back on the shared budget, with what was left of it.
    expect(await grants(target, k, [slow(5)], 5)).toBe(4);
  });

  it('fail-open: granted while Redis is down', async () => {
    const target = store({ url: proxy.url, onUnavailable: 'fail-open' });
    const k = key();
    expect(await grants(target, k, [slow(2)], 2)).toBe(2);
    proxy.cut();
    try {
      expect(await grants(target, k, [slow(2)], 10)).toBe(10);
    } finally {
      proxy.restore();
    }
    await reconnected(target);
    expect(await grants(target, k, [slow(2)], 2)).toBe(0);
  });

  it('local: a 1/fleetSize share from an empty bucket while down, paid back from the shared budget after', async () => {
    const target = store({ url: proxy.url, onUnavailable: 'local', fleetSize: 2 });
    const k = key();
    // limit 200 per 10 s span -> a share of 100: capacity 10, ~9 tokens a second.
    const bucket: BucketSpec = { name: 'b', capacity: 20, refillPerMs: 1 / 600_000, limit: 200, spanMs: 10_000 };
    expect(await grants(target, k, [bucket], 1)).toBe(1);
    proxy.cut();
    try {
      // The local bucket starts empty: no burst on top of what the fleet may just have sent.
      const first = await target.take(k, [bucket], Date.now());
      expect(first.granted).toBe(false);
      expect((first as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(111);
      await sleep(700); // ~6 tokens of the share
      expect(await grants(target, k, [bucket], 4)).toBe(4);
    } finally {
      proxy.restore();
    }
    await reconnected(target);
    // 19 were left in Redis; the 4 sent locally are owed: 15 remain.
    expect(await grants(target, k, [bucket], 20)).toBe(15);
  });

  it('local: refused like fail-closed when a share would be below one request', async () => {
    const target = store({ url: proxy.url, onUnavailable: 'local', fleetSize: 50 });
    proxy.cut();
    try {
      const error = await refusal(target.take(key(), bucketsForLimits({ rpm: 20 }), Date.now()));
      expect(error).toMatchObject({ source: 'store' });
      expect((error as Error).message).toContain('no 1/50 share');
    } finally {
      proxy.restore();
    }
  });

  it('rejects options that name no policy it knows, local without fleetSize, or a takeAheadMs that is no whole number of ms', () => {
    expect(() => createRedisRateLimitStore({ url: redis.url, onUnavailable: 'local' } as never)).toThrow(/fleetSize/);
    expect(() => createRedisRateLimitStore({ url: redis.url, onUnavailable: 'drop' } as never)).toThrow(/onUnavailable/);
    expect(() => createRedisRateLimitStore({} as never)).toThrow(/url.*client/);
    expect(() => createRedisRateLimitStore({ url: redis.url, takeAheadMs: -1 })).toThrow(/takeAheadMs/);
    expect(() => createRedisRateLimitStore({ url: redis.url, takeAheadMs: Number.NaN })).toThrow(/takeAheadMs/);
  });
});

describe('a Redis that does not answer', () => {
  /** Holds every client's commands in Redis for `ms` (CLIENT PAUSE ... ALL): connected, but no answer. */
  async function pauseRedis(ms: number): Promise<void> {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      await admin.sendCommand(['CLIENT', 'PAUSE', String(ms), 'ALL']);
    } finally {
      admin.destroy();
    }
  }

  it('counts as unavailable after commandTimeoutMs, then refuses at once for as long again (fail fast), then answers', async () => {
    const target = store({ commandTimeoutMs: 300 });
    const k = key();
    expect(await grants(target, k, [slow(5)], 1)).toBe(1);
    await pauseRedis(1_000);
    let started = Date.now();
    expect(await refusal(target.take(k, [slow(5)], Date.now()))).toMatchObject({ source: 'store', message: expect.stringContaining('no answer within 300 ms') });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // A queue of callers does not pay a timeout each while Redis hangs.
    started = Date.now();
    expect(await refusal(target.take(k, [slow(5)], Date.now()))).toMatchObject({ source: 'store', message: expect.stringContaining('a moment ago') });
    // Below the 300 ms a take that waited would take; 100 ms was a margin a busy CI machine's GC or scheduling can eat.
    expect(Date.now() - started).toBeLessThan(250);
    await sleep(1_000);
    // The paused take ran when Redis resumed (a token nobody uses: stricter, never looser).
    expect(await grants(target, k, [slow(5)], 5)).toBe(3);
  });

  it('does not lose an answer that arrived in time to a timer that ran first after a blocked event loop', async () => {
    const target = store({ commandTimeoutMs: 100 });
    const k = key();
    expect(await grants(target, k, [slow(5)], 1)).toBe(1);
    const take = target.take(k, [slow(5)], Date.now());
    // After the command is written (node-redis writes in setImmediate), the loop is blocked past
    // the deadline while Redis answers: the expired timer runs before the socket is read.
    setImmediate(() => {
      for (const until = Date.now() + 300; Date.now() < until; );
    });
    expect(await take).toEqual({ granted: true });
  });
});

describe('a Redis restart', () => {
  it('loses no error to the process, reconnects by itself, and starts the lost budget empty for callers that saw it', async () => {
    const target = store();
    const k = key();
    const bucket: BucketSpec = { name: 'b', capacity: 5, refillPerMs: 1 / 200 };
    expect(await grants(target, k, [bucket], 1)).toBe(1);
    await redis.kill();
    const down = await refusal(target.take(k, [bucket], Date.now()));
    expect(down).toMatchObject({ source: 'store' });
    await redis.start();
    let after: Awaited<ReturnType<RateLimitStore['take']>> | undefined;
    for (const deadline = Date.now() + 10_000; !after && Date.now() < deadline; ) {
      after = await target.take(k, [bucket], Date.now()).catch(async () => void (await sleep(50)));
    }
    // The dataset is new, but this store had seen the old one: it cannot know what the fleet
    // sent just before the crash, so the bucket starts empty rather than with a fresh burst.
    expect(after).toEqual({ granted: false, retryAfterMs: expect.any(Number) });
    expect((after as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(200);
    // A budget nobody had seen starts full, as always.
    expect(await grants(target, key(), [bucket], 5)).toBe(5);
  });
});

describe('an existing client', () => {
  it('is used as it is and left open by close()', async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const target = createRedisRateLimitStore({ client });
      expect(await grants(target, key(), [slow(3)], 4)).toBe(3);
      await target.close();
      expect(await client.ping()).toBe('PONG');
      await expect(target.take(key(), [slow(3)], Date.now())).rejects.toMatchObject({ source: 'store' });
    } finally {
      client.destroy();
    }
  });
});
