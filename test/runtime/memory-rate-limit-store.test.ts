import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '@contractgen/runtime';
import { describeRateLimitStore } from '../support/rate-limit-store-conformance.js';

describeRateLimitStore('MemoryRateLimitStore', async () => {
  const store = new MemoryRateLimitStore();
  return { store, peer: store };
});

describe('MemoryRateLimitStore on the caller\'s clock', () => {
  it('neither mints tokens nor stalls when the clock steps backwards', async () => {
    const store = new MemoryRateLimitStore();
    const bucket = { name: 'b', capacity: 1, refillPerMs: 0.001 };
    await store.take('k', [bucket], 1_700_000_000_000);
    expect(await store.take('k', [bucket], 0)).toEqual({ granted: false, retryAfterMs: 1000 });
    expect((await store.take('k', [bucket], 999)).granted).toBe(false);
    expect((await store.take('k', [bucket], 1_000)).granted).toBe(true);
  });

  it('startEmpty: a new bucket holds no token and refills from its first take', async () => {
    const store = new MemoryRateLimitStore({ startEmpty: true });
    const bucket = { name: 'b', capacity: 3, refillPerMs: 0.001 };
    expect(await store.take('k', [bucket], 5_000)).toEqual({ granted: false, retryAfterMs: 1000 });
    expect((await store.take('k', [bucket], 6_000)).granted).toBe(true);
    expect((await store.take('k', [bucket], 6_000)).granted).toBe(false);
  });
});
