/**
 * What every DuplicateFilter must do, as one suite that any filter runs: the in-memory one
 * (test/runtime/duplicate-filter.test.ts) and the Redis one (test/redis/duplicate-filter.test.ts).
 * Real time, short leases and TTLs; every case uses its own keys.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { handleOnce, type DuplicateFilter, type DuplicateFilterOptions } from '@contractgen/runtime';

export interface FilterUnderTest {
  readonly filter: DuplicateFilter;
  /** Another handle on the same records (another process's filter); the filter itself when there is none. */
  readonly peer: DuplicateFilter;
  readonly close?: () => Promise<void>;
}

export function describeDuplicateFilter(name: string, open: (options: DuplicateFilterOptions) => Promise<FilterUnderTest>): void {
  describe(`${name}: DuplicateFilter conformance`, () => {
    const opened: FilterUnderTest[] = [];
    async function subject(options: DuplicateFilterOptions = {}): Promise<FilterUnderTest> {
      const made = await open(options);
      opened.push(made);
      return made;
    }
    afterAll(async () => {
      await Promise.all(opened.map((made) => made.close?.()));
    });
    const key = () => `delivery:${randomUUID()}`;

    it('a key is claimed once; while its handler runs a redelivery is in progress, after it a duplicate', async () => {
      const { filter, peer } = await subject();
      const k = key();
      const claim = await filter.claim(k);
      expect(claim.status).toBe('claimed');
      expect((await peer.claim(k)).status).toBe('in-progress');
      if (claim.status === 'claimed') await claim.complete();
      expect((await peer.claim(k)).status).toBe('duplicate');
      expect((await filter.claim(k)).status).toBe('duplicate');
      expect((await filter.claim(key())).status).toBe('claimed');
    });

    it('a released claim (its handler failed) lets the next delivery be handled', async () => {
      const { filter, peer } = await subject();
      const k = key();
      const claim = await filter.claim(k);
      if (claim.status !== 'claimed') throw new Error(`expected a claim, got ${claim.status}`);
      await claim.release();
      expect((await peer.claim(k)).status).toBe('claimed');
    });

    it('concurrent deliveries of one key through two handles: exactly one is claimed', async () => {
      const { filter, peer } = await subject();
      const k = key();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? peer : filter).claim(k)));
      expect(results.filter((r) => r.status === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'in-progress')).toHaveLength(19);
    });

    it('handleOnce: handles once, releases on a throw and rethrows it, reports duplicates', async () => {
      const { filter, peer } = await subject();
      const k = key();
      const failure = new Error('handler failed');
      await expect(handleOnce(filter, k, () => Promise.reject(failure))).rejects.toBe(failure);
      expect(await handleOnce(peer, k, () => 'ok')).toEqual({ status: 'handled', value: 'ok' });
      let ran = false;
      expect(await handleOnce(filter, k, () => (ran = true))).toEqual({ status: 'duplicate' });
      expect(ran).toBe(false);
    });

    it('a claim that is never completed lapses after leaseMs (its process died)', async () => {
      const { filter, peer } = await subject({ leaseMs: 200 });
      const k = key();
      expect((await filter.claim(k)).status).toBe('claimed');
      expect((await peer.claim(k)).status).toBe('in-progress');
      await sleep(300);
      expect((await peer.claim(k)).status).toBe('claimed');
    });

    it('a handled key is forgotten after ttlMs', async () => {
      const { filter } = await subject({ ttlMs: 200 });
      const k = key();
      const claim = await filter.claim(k);
      if (claim.status === 'claimed') await claim.complete();
      expect((await filter.claim(k)).status).toBe('duplicate');
      await sleep(300);
      expect((await filter.claim(k)).status).toBe('claimed');
    });

    it('a lapsed claim can neither complete nor release the claim that replaced it', async () => {
      const { filter, peer } = await subject({ leaseMs: 200 });
      const k = key();
      const stale = await filter.claim(k);
      await sleep(300);
      const current = await peer.claim(k);
      expect(current.status).toBe('claimed');
      if (stale.status !== 'claimed') throw new Error(`expected a claim, got ${stale.status}`);
      await stale.complete();
      expect((await filter.claim(k)).status).toBe('in-progress');
      await stale.release();
      expect((await filter.claim(k)).status).toBe('in-progress');
    });
  });
}
