/**
 * What every RateLimitStore must do, as one suite that any store runs: the in-memory store
 * (test/runtime/memory-rate-limit-store.test.ts) and the Redis store (test/redis/rate-limit-store.test.ts).
 * A store that passes it can be given to a client as `rateLimitStore`: the limiter's window
 * guarantee (bucketsForLimits) rests on exactly these behaviours.
 *
 * The cases run on real time, with `now` = Date.now(): a shared store may ignore the caller's clock
 * for its own (the Redis store reads the server's), so the suite cannot move time by hand. Refill
 * rates are chosen either so slow that no token refills during a case, or fast enough that waiting
 * for one takes a fraction of a second. Every case uses its own key.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketSpec, RateLimitStore } from '@contractgen/runtime';

export interface StoreUnderTest {
  readonly store: RateLimitStore;
  /** Another handle on the same budget (another process's store); the store itself when there is none. */
  readonly peer: RateLimitStore;
  readonly close?: () => Promise<void>;
}

/** A bucket that refills about one token a minute: nothing refills during a case. */
const slow = (name: string, capacity: number): BucketSpec => ({ name, capacity, refillPerMs: 1 / 60_000 });

export function describeRateLimitStore(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: RateLimitStore conformance`, () => {
    let subject: StoreUnderTest;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.close?.();
    });
    const key = () => `conformance:${randomUUID()}`;
    const take = (k: string, buckets: readonly BucketSpec[], via: RateLimitStore = subject.store) => via.take(k, buckets, Date.now());
    async function grants(k: string, buckets: readonly BucketSpec[], count: number, via?: RateLimitStore): Promise<number> {
      let granted = 0;
      for (let i = 0; i < count; i++) if ((await take(k, buckets, via)).granted) granted++;
      return granted;
    }

    it('a new bucket starts full: capacity grants at once, then a refusal saying how long to wait', async () => {
      const k = key();
      const bucket = slow('b', 5);
      expect(await grants(k, [bucket], 5)).toBe(5);
      const refused = await take(k, [bucket]);
      expect(refused.granted).toBe(false);
      // One token at 1/60,000 per ms: about a minute away, and never less than 1 ms.
      const wait = (refused as { retryAfterMs: number }).retryAfterMs;
      expect(Number.isInteger(wait)).toBe(true);
      expect(wait).toBeGreaterThan(50_000);
      expect(wait).toBeLessThanOrEqual(60_001);
    });

    it('takes from every bucket or from none', async () => {
      const k = key();
      const wide = slow('wide', 5);
      const narrow = slow('narrow', 2);
      expect(await grants(k, [wide, narrow], 2)).toBe(2);
      expect((await take(k, [wide, narrow])).granted).toBe(false);
      // The refused take left `wide` alone: its 3 remaining tokens are all there.
      expect(await grants(k, [wide], 4)).toBe(3);
    });

    it('the wait it gives is that of the slowest short bucket', async () => {
      const k = key();
      const fast = { name: 'fast', capacity: 1, refillPerMs: 1 / 1_000 };
      const slower = { name: 'slower', capacity: 1, refillPerMs: 1 / 5_000 };
      expect((await take(k, [fast, slower])).granted).toBe(true);
      const refused = await take(k, [fast, slower]);
      expect(refused.granted).toBe(false);
      expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(4_000);
      expect((refused as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(5_001);
    });

    it('refills at refillPerMs, and never above capacity', async () => {
      const k = key();
      const bucket = { name: 'b', capacity: 2, refillPerMs: 1 / 250 };
      expect(await grants(k, [bucket], 2)).toBe(2);
      const refused = await take(k, [bucket]);
      expect(refused.granted).toBe(false);
      expect((refused as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(251);
      await sleep((refused as { retryAfterMs: number }).retryAfterMs + 20);
      expect((await take(k, [bucket])).granted).toBe(true);
      // 1.5 s would refill 6 tokens; the bucket holds 2.
      await sleep(1_500);
      expect(await grants(k, [bucket], 3)).toBe(2);
    });

    it('keeps keys apart', async () => {
      const [a, b] = [key(), key()];
      const bucket = slow('b', 2);
      expect(await grants(a, [bucket], 3)).toBe(2);
      expect(await grants(b, [bucket], 3)).toBe(2);
    });

    it('grants concurrent takes from two handles no more tokens than there are (atomic take)', async () => {
      const k = key();
      const bucket = slow('b', 10);
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => take(k, [bucket], i % 2 ? subject.peer : subject.store)));
      expect(results.filter((r) => r.granted)).toHaveLength(10);
    });

    it('refund gives one token back to every bucket, never above capacity', async () => {
      const k = key();
      const bucket = slow('b', 2);
      const other = slow('other', 3);
      expect(subject.store.refund).toBeTypeOf('function');
      expect(await grants(k, [bucket, other], 2)).toBe(2); // b 0, other 1
      await subject.store.refund!(k, [bucket, other], Date.now()); // b 1, other 2
      expect(await grants(k, [bucket, other], 2)).toBe(1); // b 0, other 1
      expect(await grants(k, [other], 2)).toBe(1); // without the refund `other` would be empty
      // A full bucket stays full.
      const full = key();
      await subject.peer.refund!(full, [bucket], Date.now());
      expect(await grants(full, [bucket], 3)).toBe(2);
    });

    it('shares one budget between handles (another process on the same store)', async () => {
      const k = key();
      const bucket = slow('b', 4);
      expect(await grants(k, [bucket], 3, subject.store)).toBe(3);
      expect(await grants(k, [bucket], 3, subject.peer)).toBe(1);
    });
  });
}
