/**
 * createRedisDuplicateFilter against a real redis-server: the conformance suite every
 * DuplicateFilter runs (two handles = two processes), and what happens while Redis is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleOnce } from '@contractgen/runtime';
import { createRedisDuplicateFilter, RedisUnavailableError, type RedisDuplicateFilter } from '@contractgen/redis';
import { describeDuplicateFilter } from '../support/duplicate-filter-conformance.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

let redis: RedisServer;
const filters: RedisDuplicateFilter[] = [];
function filter(options: Parameters<typeof createRedisDuplicateFilter>[0]): RedisDuplicateFilter {
  const made = createRedisDuplicateFilter(options);
  filters.push(made);
  return made;
}

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(filters.map((f) => f.close()));
  await redis?.stop();
});

describeDuplicateFilter('createRedisDuplicateFilter', async (options) => ({
  filter: filter({ url: redis.url, ...options }),
  peer: filter({ url: redis.url, ...options }),
}));

describe('while Redis is unreachable', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(redis.port);
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('claim rejects (so the provider is answered with an error and redelivers) and the handler does not run', async () => {
    const target = filter({ url: proxy.url });
    expect((await target.claim('delivery:before')).status).toBe('claimed');
    proxy.cut();
    try {
      let ran = false;
      await expect(handleOnce(target, 'delivery:during', () => (ran = true))).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(ran).toBe(false);
    } finally {
      proxy.restore();
    }
  });

  it('rejects a TTL or lease that is not a whole number of ms', () => {
    expect(() => createRedisDuplicateFilter({ url: redis.url, ttlMs: 0 })).toThrow(/ttlMs/);
    expect(() => createRedisDuplicateFilter({ url: redis.url, leaseMs: 1.5 })).toThrow(/leaseMs/);
  });
});
