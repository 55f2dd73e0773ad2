/**
 * Webhook deliveries handled once across a fleet: a DuplicateFilter (see @contractgen/runtime's
 * `handleOnce`) whose records live in Redis, so a redelivery that reaches another process is
 * still recognised.
 *
 * A claim is `SET key <owner> NX PX leaseMs`: exactly one process gets it. Completing it turns
 * the value into `done` for ttlMs; releasing it deletes it, so the provider's next redelivery is
 * handled. Both check the owner first (one script each), so a claim that lapsed cannot undo the
 * claim that replaced it. When Redis cannot answer, `claim` rejects: nobody can tell whether the
 * delivery was handled, so answer the provider with an error and let it redeliver.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_CLAIM_LEASE_MS, DEFAULT_DUPLICATE_TTL_MS, type ClaimResult, type DuplicateFilter, type DuplicateFilterOptions } from '@contractgen/runtime';
import { defineScript, openRedis, RedisUnavailableError, type RedisConnectionOptions } from './connection.js';

export type RedisDuplicateFilterOptions = RedisConnectionOptions &
  DuplicateFilterOptions & {
    /** Prefix of every key this filter writes. Default `contractgen:delivery:`. */
    readonly prefix?: string;
  };

export interface RedisDuplicateFilter extends DuplicateFilter {
  /** Closes the Redis client the filter made from `url` (a client passed in is left open). */
  close(): Promise<void>;
}

export const DEFAULT_DELIVERY_PREFIX = 'contractgen:delivery:';
const DONE = 'done';

// KEYS[1]: the delivery key. ARGV: owner, lease ms. -> claimed | duplicate | in-progress
const CLAIM = defineScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
if redis.call('GET', KEYS[1]) == '${DONE}' then return 'duplicate' end
return 'in-progress'
`);
// KEYS[1]: the delivery key. ARGV: owner, TTL ms. Marks the owner's claim handled.
const COMPLETE = defineScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], '${DONE}', 'PX', ARGV[2]) end
return 1
`);
// KEYS[1]: the delivery key. ARGV: owner. Gives the owner's claim up.
const RELEASE = defineScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

export function createRedisDuplicateFilter(options: RedisDuplicateFilterOptions): RedisDuplicateFilter {
  const ttlMs = options.ttlMs ?? DEFAULT_DUPLICATE_TTL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  for (const [name, value] of [
    ['ttlMs', ttlMs],
    ['leaseMs', leaseMs],
  ] as const) {
    if (!(Number.isSafeInteger(value) && value >= 1)) throw new RangeError(`${name} must be a whole number of ms >= 1, got ${value}`);
  }
  // No fail-fast: each delivery is its own request, and a completion skipped because an earlier
  // command was slow would let the delivery be handled again once its lease lapses.
  const redis = openRedis(options, 'the Redis duplicate filter', { failFast: false });
  const prefix = options.prefix ?? DEFAULT_DELIVERY_PREFIX;
  return {
    async claim(key): Promise<ClaimResult> {
      const redisKey = `${prefix}${key}`;
      const owner = randomUUID();
      const status = String(await redis.run(CLAIM, [redisKey], [owner, String(leaseMs)]));
      if (status === 'duplicate' || status === 'in-progress') return { status };
      if (status !== 'claimed') throw new TypeError(`unexpected reply from the claim script: ${status}`);
      const claimedAt = Date.now();
      return {
        status,
        // Recording "handled" is what keeps a redelivery from being handled again: it is tried
        // again while the lease holds (the claim is worthless after), if Redis does not answer.
        async complete() {
          for (;;) {
            try {
              await redis.run(COMPLETE, [redisKey], [owner, String(ttlMs)]);
              return;
            } catch (error) {
              if (!(error instanceof RedisUnavailableError) || Date.now() - claimedAt > leaseMs / 2) throw error;
              await sleep(100);
            }
          }
        },
        release: async () => void (await redis.run(RELEASE, [redisKey], [owner])),
      };
    },
    close: () => redis.close(),
  };
}
