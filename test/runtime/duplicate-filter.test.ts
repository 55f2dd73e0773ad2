import { describe, expect, it } from 'vitest';
import { createDuplicateFilter } from '@contractgen/runtime';
import { describeDuplicateFilter } from '../support/duplicate-filter-conformance.js';

describeDuplicateFilter('createDuplicateFilter (in memory)', async (options) => {
  const filter = createDuplicateFilter(options);
  return { filter, peer: filter };
});

describe('createDuplicateFilter on its own clock', () => {
  it('keeps at most maxEntries keys, dropping the oldest', async () => {
    let now = 0;
    const filter = createDuplicateFilter({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    const handled = async (key: string) => {
      const claim = await filter.claim(key);
      if (claim.status === 'claimed') await claim.complete();
      return claim.status;
    };
    expect(await handled('1')).toBe('claimed');
    now = 999;
    expect(await handled('1')).toBe('duplicate');
    now = 2_500;
    expect(await handled('1')).toBe('claimed');
    await handled('2');
    await handled('3');
    expect(filter.size).toBe(2);
    expect(await handled('1')).toBe('claimed'); // dropped as the oldest
  });
});
