import { describe, expect, it } from 'vitest';
import {
  bucketShare,
  DEFAULT_TRANSIT_JITTER_MS,
  bucketsForLimits,
  ManualClock,
  MemoryRateLimitStore,
  RATE_LIMIT_WINDOW_MS,
  RateLimitedError,
  RateLimiter,
  type RateLimiterOptions,
} from '@contractgen/runtime';

const MINUTE = RATE_LIMIT_WINDOW_MS.rpm;
const HOUR = RATE_LIMIT_WINDOW_MS.rph;

/** Most grants in any window [t, t + windowMs], both ends included (the strictest reading). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! <= sorted[start]! + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

function limiter(clock: ManualClock, options: Partial<RateLimiterOptions> & Pick<RateLimiterOptions, 'limits'>) {
  return new RateLimiter({ key: 'test', store: new MemoryRateLimitStore(), clock, ...options });
}

type Outcome = { kind: 'granted'; at: number; index: number } | { kind: 'rejected'; error: unknown };

/** Starts `count` acquire() calls in the same tick and records how each one settles. */
function acquireMany(target: RateLimiter, clock: ManualClock, count: number): Promise<Outcome>[] {
  return Array.from({ length: count }, (_, index) =>
    target.acquire().then(
      (): Outcome => ({ kind: 'granted', at: clock.now(), index }),
      (error: unknown): Outcome => ({ kind: 'rejected', error }),
    ),
  );
}

describe('bucketsForLimits', () => {
  it('chooses capacity and refill so that no window can exceed the limit', () => {
    for (const n of [1, 2, 5, 10, 60, 199, 200, 1000, 100_000]) {
      for (const [name, windowMs] of Object.entries(RATE_LIMIT_WINDOW_MS)) {
        const [bucket] = bucketsForLimits({ [name]: n });
        // Grants are whole tokens: a window sees at most capacity + refill over the window.
        expect(bucket!.capacity + bucket!.refillPerMs * windowMs).toBeLessThan(n + 1);
        expect(bucket!.capacity).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('keeps most of the limit as steady throughput', () => {
    const [rpm] = bucketsForLimits({ rpm: 200 });
    expect(rpm!.capacity).toBe(20);
    // 181 per minute less the 1 s transit-jitter margin (W / (W + J + 1) of it).
    expect(rpm!.refillPerMs * MINUTE).toBeGreaterThan(178);
  });

  it('rejects limits below one request per window', () => {
    expect(() => bucketsForLimits({ rpm: 0 })).toThrow(RangeError);
    expect(() => bucketsForLimits({ rph: Number.NaN })).toThrow(RangeError);
  });
});

describe('bucketShare', () => {
  it('gives each of N senders floor(limit / N), sized so that their windows add up to the limit', async () => {
    for (const [limit, members] of [
      [200, 4],
      [200, 3],
      [1200, 40],
      [10, 10],
    ] as const) {
      const shares = bucketShare(bucketsForLimits({ rpm: limit }), members)!;
      const [share] = shares;
      expect(share!.limit).toBe(Math.floor(limit / members));
      // Each member's bucket bounds its own window plus the jitter to its share...
      expect(share!.capacity + share!.refillPerMs * share!.spanMs!).toBeLessThan(share!.limit! + 1);
      // ...so all members together stay within the limit, whatever each one sends.
      expect(members * share!.limit!).toBeLessThanOrEqual(limit);
      // N members each sending as fast as its own bucket allows for 3 minutes: no window of
      // 60 s plus the jitter holds more grants than the limit, so no provider window does.
      const times: number[] = [];
      for (let member = 0; member < members; member++) {
        const store = new MemoryRateLimitStore();
        for (let t = 0; t <= 3 * MINUTE; ) {
          const result = await store.take('k', shares, t);
          if (result.granted) times.push(t);
          else t += result.retryAfterMs;
        }
      }
      expect(busiestWindow(times, MINUTE + DEFAULT_TRANSIT_JITTER_MS)).toBeLessThanOrEqual(limit);
    }
  });

  it('is undefined when a share would be below one request, or a bucket was not sized by bucketsForLimits', () => {
    expect(bucketShare(bucketsForLimits({ rpm: 3 }), 4)).toBeUndefined();
    expect(bucketShare([{ name: 'b', capacity: 1, refillPerMs: 1 }], 2)).toBeUndefined();
    expect(() => bucketShare(bucketsForLimits({ rpm: 3 }), 0)).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  it('grants 1,000 concurrent callers in order, never more than 200 in any 60 s window (rpm 200)', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const target = limiter(clock, { limits: { rpm: 200 }, maxQueue: 1000 });
    const outcomes = acquireMany(target, clock, 1000);
    await clock.runAll();
    const settled = await Promise.all(outcomes);

    const grants = settled.filter((o) => o.kind === 'granted');
    expect(grants).toHaveLength(1000);
    expect(busiestWindow(grants.map((g) => g.at), MINUTE)).toBeLessThanOrEqual(200);
    // First come, first served: grant times never decrease along the call order.
    for (let i = 1; i < grants.length; i++) expect(grants[i]!.at).toBeGreaterThanOrEqual(grants[i - 1]!.at);
    // Not starved either: 20 at once, then about 178 a minute (the limit less the jitter margin).
    expect(grants[999]!.at - grants[0]!.at).toBeLessThan(5.6 * MINUTE);
    expect(target.waiting).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('refuses callers beyond maxQueue at once with a local RateLimitedError, losing none', async () => {
    const clock = new ManualClock();
    const target = limiter(clock, { limits: { rpm: 200 }, maxQueue: 100 });
    const outcomes = acquireMany(target, clock, 1000);
    await clock.runAll();
    const settled = await Promise.all(outcomes);

    const granted = settled.filter((o) => o.kind === 'granted');
    const rejected = settled.filter((o) => o.kind === 'rejected');
    expect(granted.length + rejected.length).toBe(1000);
    expect(granted).toHaveLength(100);
    for (const outcome of rejected) {
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error).toMatchObject({ source: 'local', code: 'RATE_LIMITED', retryable: true });
    }
    // The first 100 callers are the ones served.
    expect(granted.map((g) => (g as { index: number }).index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('applies rph over a one-hour window', async () => {
    const clock = new ManualClock();
    const target = limiter(clock, { limits: { rph: 30 } });
    const outcomes = acquireMany(target, clock, 100);
    await clock.runAll();
    const grants = (await Promise.all(outcomes)).filter((o) => o.kind === 'granted');
    expect(grants).toHaveLength(100);
    expect(busiestWindow(grants.map((g) => g.at), HOUR)).toBeLessThanOrEqual(30);
  });

  it('applies rpm and rph together', async () => {
    const clock = new ManualClock();
    const target = limiter(clock, { limits: { rpm: 10, rph: 25 } });
    const outcomes = acquireMany(target, clock, 80);
    await clock.runAll();
    const times = (await Promise.all(outcomes)).filter((o) => o.kind === 'granted').map((g) => g.at);
    expect(times).toHaveLength(80);
    expect(busiestWindow(times, MINUTE)).toBeLessThanOrEqual(10);
    expect(busiestWindow(times, HOUR)).toBeLessThanOrEqual(25);
  });

  it('holds the bound for callers arriving at random times', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const clock = new ManualClock();
    const target = limiter(clock, { limits: { rpm: 50 } });
    const times: number[] = [];
    const all: Promise<void>[] = [];
    for (let i = 0; i < 400; i++) {
      all.push(target.acquire().then(() => void times.push(clock.now())));
      await clock.advance(Math.floor(random() * 2_000));
    }
    await clock.runAll();
    await Promise.all(all);
    expect(times).toHaveLength(400);
    expect(busiestWindow(times, MINUTE)).toBeLessThanOrEqual(50);
  });

  it('shares one budget between limiters on the same store and key (a fleet)', async () => {
    const clock = new ManualClock();
    const store = new MemoryRateLimitStore();
    const a = limiter(clock, { limits: { rpm: 30 }, store, key: 'shared' });
    const b = limiter(clock, { limits: { rpm: 30 }, store, key: 'shared' });
    const outcomes = [...acquireMany(a, clock, 60), ...acquireMany(b, clock, 60)];
    await clock.runAll();
    const times = (await Promise.all(outcomes)).filter((o) => o.kind === 'granted').map((g) => g.at);
    expect(times).toHaveLength(120);
    expect(busiestWindow(times, MINUTE)).toBeLessThanOrEqual(30);
  });

  it('removes an aborted waiter from the queue and serves the next one', async () => {
    const clock = new ManualClock();
    const target = limiter(clock, { limits: { rpm: 1 } });
    await target.acquire();

    const controller = new AbortController();
    const aborted = target.acquire(controller.signal);
    const next = target.acquire();
    await clock.advance(0);
    expect(target.waiting).toBe(2);

    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(target.waiting).toBe(1);

    let nextGrantedAt: number | undefined;
    void next.then(() => (nextGrantedAt = clock.now()));
    await clock.runAll();
    expect(nextGrantedAt).toBeGreaterThan(MINUTE);
    expect(target.waiting).toBe(0);
  });

  it('returns the token to the store when the only waiter aborts while the store is answering', async () => {
    // A shared store answers over the network; this one holds its first answer until released.
    class SlowStore extends MemoryRateLimitStore {
      release: (() => void) | undefined;
      #held = false;
      override async take(...args: Parameters<MemoryRateLimitStore['take']>) {
        const result = await super.take(...args);
        if (!this.#held) {
          this.#held = true;
          await new Promise<void>((resolve) => (this.release = resolve));
        }
        return result;
      }
    }
    const clock = new ManualClock();
    const store = new SlowStore();
    const target = limiter(clock, { limits: { rpm: 1 }, store });

    const controller = new AbortController();
    const aborted = target.acquire(controller.signal).catch((e: unknown) => e);
    await clock.advance(0);
    controller.abort(new Error('caller gave up'));
    expect(await aborted).toBeInstanceOf(Error);
    // The store granted the minute's only token to nobody; it must go back, not be lost.
    store.release!();
    await clock.advance(0);

    let grantedAt: number | undefined;
    const next = target.acquire().then(() => (grantedAt = clock.now()));
    await clock.runAll();
    await next;
    expect(grantedAt).toBe(0);
  });

  it('stops waiting for a token once every waiter has aborted', async () => {
    const clock = new ManualClock();
    const target = limiter(clock, { limits: { rpm: 1 } });
    await target.acquire();
    const controller = new AbortController();
    const waiting = target.acquire(controller.signal).catch((e: unknown) => e);
    await clock.advance(0);
    expect(clock.pending).toBe(1);
    controller.abort();
    expect(await waiting).toBeInstanceOf(DOMException);
    await clock.advance(0);
    expect(clock.pending).toBe(0);
  });

  it('rejects at once for an already aborted signal', async () => {
    const clock = new ManualClock();
    const target = limiter(clock, { limits: { rpm: 5 } });
    await expect(target.acquire(AbortSignal.abort('stop'))).rejects.toBe('stop');
    expect(target.waiting).toBe(0);
  });

  it('passes a store failure to the waiting caller instead of hanging', async () => {
    const clock = new ManualClock();
    const failure = new Error('redis down');
    const target = new RateLimiter({
      key: 'k',
      clock,
      limits: { rpm: 5 },
      store: { take: () => Promise.reject(failure) },
    });
    await expect(target.acquire()).rejects.toBe(failure);
    expect(target.waiting).toBe(0);
  });

  it('does not limit when no limit is given', async () => {
    const target = limiter(new ManualClock(), { limits: {}, maxQueue: 0 });
    await expect(Promise.all(Array.from({ length: 50 }, () => target.acquire()))).resolves.toHaveLength(50);
  });
});

describe('the provider side: arrivals after up to 1 s of transit jitter', () => {
  const JITTER_MS = 1_000;

  /** Grant times of `count` callers queued at once on a fresh limiter (the bucket starts full). */
  async function grantTimes(limits: { rpm?: number; rph?: number }, count: number): Promise<number[]> {
    const clock = new ManualClock();
    const target = limiter(clock, { limits, maxQueue: count });
    const outcomes = acquireMany(target, clock, count);
    await clock.runAll();
    return (await Promise.all(outcomes)).flatMap((o) => (o.kind === 'granted' ? [o.at] : []));
  }

  it('bucketsForLimits leaves room for the jitter: a window plus the jitter still holds at most the limit', () => {
    for (const n of [1, 2, 5, 10, 60, 199, 200, 1000, 1200, 100_000]) {
      for (const [name, windowMs] of Object.entries(RATE_LIMIT_WINDOW_MS)) {
        const [bucket] = bucketsForLimits({ [name]: n });
        expect(bucket!.capacity + bucket!.refillPerMs * (windowMs + JITTER_MS)).toBeLessThan(n + 1);
      }
    }
  });

  it('rpm 1,200: no 60 s window at the provider sees more than 1,200, whichever requests the network delays', async () => {
    const grants = await grantTimes({ rpm: 1200 }, 3_000);
    expect(grants).toHaveLength(3_000);
    const period = MINUTE + JITTER_MS;
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const delays: Record<string, (grantedAt: number) => number> = {
      // The worst case: requests granted in the first second of each 61 s stretch arrive 1 s late,
      // the rest at once, so one 60 s window at the provider gets every grant of 61 s.
      'the first second of every 61 s late': (at) => (at % period < JITTER_MS ? JITTER_MS : 0),
      'uniform random delays': () => Math.floor(random() * (JITTER_MS + 1)),
      'all late, then none': (at) => (at < JITTER_MS ? JITTER_MS : 0),
    };
    for (const [label, delay] of Object.entries(delays)) {
      const arrivals = grants.map((at) => at + delay(at));
      expect(busiestWindow(arrivals, MINUTE), label).toBeLessThanOrEqual(1200);
    }
  });

  it('rph 30 and rpm 10 together: the hour and the minute both hold at the provider', async () => {
    const grants = await grantTimes({ rpm: 10, rph: 30 }, 120);
    for (const [windowMs, limit] of [
      [MINUTE, 10],
      [HOUR, 30],
    ] as const) {
      const arrivals = grants.map((at) => at + (at % (windowMs + JITTER_MS) < JITTER_MS ? JITTER_MS : 0));
      expect(busiestWindow(arrivals, windowMs)).toBeLessThanOrEqual(limit);
    }
  });
});

describe('take-ahead (a store with takeAheadMs, like the Redis store)', () => {
  /** The in-memory store as a shared store looks to the limiter: it asks for take-ahead, counts what it is asked, and can stop answering. */
  class RoundTripStore extends MemoryRateLimitStore {
    takes = 0;
    refunds = 0;
    /** While set, takes wait for it: a store that has not answered yet. */
    gate: Promise<void> | undefined;
    /** Takes after this many fail, as a store that became unreachable. */
    failAfter = Infinity;
    readonly grants: number[] = [];
    constructor(readonly takeAheadMs: number) {
      super();
    }
    override async take(...args: Parameters<MemoryRateLimitStore['take']>) {
      if (++this.takes > this.failAfter) throw new Error('store unreachable');
      await this.gate;
      const result = await super.take(...args);
      if (result.granted) this.grants.push(args[2]);
      return result;
    }
    override async refund(...args: Parameters<MemoryRateLimitStore['refund']>) {
      this.refunds++;
      return super.refund(...args);
    }
  }

  function aheadLimiter(clock: ManualClock, store: RoundTripStore, limits: RateLimiterOptions['limits']) {
    return new RateLimiter({ key: 'k', clock, store, limits });
  }

  /** Two callers, one right after the other: the limiter then takes a third token ahead. */
  async function twoCallers(target: RateLimiter, clock: ManualClock, store: RoundTripStore): Promise<void> {
    await target.acquire();
    await target.acquire();
    await clock.advance(0);
    expect(store.takes).toBe(3);
  }

  it('takes the next token while the last caller sends, when callers come close together, and hands it over without asking the store', async () => {
    const clock = new ManualClock();
    const store = new RoundTripStore(100);
    const target = aheadLimiter(clock, store, { rpm: 1000 });
    await target.acquire();
    expect(store.takes).toBe(1); // one caller alone: nothing taken ahead
    await target.acquire();
    await clock.advance(0);
    expect(store.takes).toBe(3); // the second came right after the first: one more taken ahead
    let answer!: () => void;
    store.gate = new Promise((resolve) => (answer = resolve));
    // The store is not answering now; the caller still gets its token at once, and the next is asked for.
    await target.acquire();
    expect(store.takes).toBe(4);
    answer();
    store.gate = undefined;
    await clock.runAll();
    expect(store.refunds).toBe(1); // the last one taken ahead, unused, went back
    expect(clock.pending).toBe(0);
  });

  it('gives a token nobody used within takeAheadMs back to the store', async () => {
    const clock = new ManualClock();
    const store = new RoundTripStore(100);
    // rph 100: a burst of 10 and almost no refill within the test.
    const target = aheadLimiter(clock, store, { rph: 100 });
    await target.acquire();
    await target.acquire();
    await clock.advance(99);
    expect([store.takes, store.refunds]).toEqual([3, 0]);
    await clock.advance(1);
    expect([store.takes, store.refunds]).toEqual([3, 1]);
    expect(clock.pending).toBe(0);
    // 2 used, the third back: 8 left.
    let left = 0;
    for (let i = 0; i < 10; i++) if ((await store.take('k', target.buckets, clock.now())).granted) left++;
    expect(left).toBe(8);
  });

  it('does not use a token held past takeAheadMs (the event loop was blocked): it goes back, and the caller asks the store', async () => {
    const clock = new ManualClock();
    const store = new RoundTripStore(20);
    const target = aheadLimiter(clock, store, { rpm: 1000 });
    await twoCallers(target, clock, store);
    // The hold's timer cannot run while the loop is blocked; the hold is measured on a monotonic clock anyway.
    for (const until = performance.now() + 30; performance.now() < until; );
    await target.acquire();
    expect(store.refunds).toBe(1);
    expect(store.takes).toBe(4);
    await clock.runAll();
  });

  it('holds nothing when the store refuses the take ahead: the next caller waits its turn', async () => {
    const clock = new ManualClock();
    const store = new RoundTripStore(100);
    // rph 20: a burst of 2, the next token in ~3 minutes.
    const target = aheadLimiter(clock, store, { rph: 20 });
    await twoCallers(target, clock, store);
    let grantedAt: number | undefined;
    const third = target.acquire().then(() => (grantedAt = clock.now()));
    await clock.runAll();
    await third;
    expect(grantedAt).toBeGreaterThan(MINUTE);
    expect(store.refunds).toBe(0);
  });

  it('holds nothing when the store fails the take ahead: the next caller asks the store and hears its failure', async () => {
    const clock = new ManualClock();
    const store = new RoundTripStore(100);
    store.failAfter = 2;
    const target = aheadLimiter(clock, store, { rpm: 1000 });
    await twoCallers(target, clock, store);
    await expect(target.acquire()).rejects.toThrow('store unreachable');
    expect(store.takes).toBe(4);
    expect(clock.pending).toBe(0);
  });

  it('sizes the buckets for the transit jitter plus the hold: rpm 1,200 holds at the provider when each request arrives up to J + takeAheadMs after its grant', async () => {
    const holdMs = 250;
    const clock = new ManualClock();
    const store = new RoundTripStore(holdMs);
    const target = aheadLimiter(clock, store, { rpm: 1200 });
    expect(target.buckets).toEqual(bucketsForLimits({ rpm: 1200 }, undefined, DEFAULT_TRANSIT_JITTER_MS + holdMs));
    // Callers one after another, each as soon as the last has its token: tokens are taken ahead.
    let served = 0;
    const sending = (async () => {
      for (; served < 3_000; served++) await target.acquire();
    })();
    await clock.runAll();
    await sending;
    expect(store.grants.length).toBeGreaterThanOrEqual(3_000);
    const lateBy = DEFAULT_TRANSIT_JITTER_MS + holdMs;
    const period = MINUTE + lateBy;
    let seed = 11;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const delay of [(at: number) => (at % period < lateBy ? lateBy : 0), () => Math.floor(random() * (lateBy + 1)), (at: number) => (at < lateBy ? lateBy : 0)]) {
      expect(busiestWindow(store.grants.map((at) => at + delay(at)), MINUTE)).toBeLessThanOrEqual(1200);
    }
  });
});
