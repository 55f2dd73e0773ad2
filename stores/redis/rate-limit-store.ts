/**
 * A RateLimitStore shared by every process that points at one Redis: the spec's limit holds for
 * the fleet, not per process. Give it to a client as `rateLimitStore`.
 *
 * Each take is one atomic Lua script over every bucket of the budget (./take-script.ts), timed by
 * Redis' clock. When Redis cannot answer (down, restarting, unreachable, slower than
 * commandTimeoutMs), `onUnavailable` decides, per take:
 *
 * - 'fail-closed' (default): the call is refused with RateLimitedError (source 'store'); nothing
 *   is sent, so the provider never sees more than the limit, and callers see the outage at once.
 * - 'local': this process sends on its own, within 1/fleetSize of every limit (bucketShare), from
 *   a bucket that starts empty (no burst on top of what the fleet just sent). When Redis answers
 *   again, the grants made meanwhile are paid back from the shared budget. Set fleetSize to the
 *   most processes that can run at once: with more, the fleet can exceed the limit during an outage.
 * - 'fail-open': calls go out unlimited until Redis is back; the provider's own limit applies.
 *
 * Nothing here throws out of band: the client's errors are consumed and it reconnects by itself,
 * so a Redis restart mid-run costs the takes made while it is down and nothing else.
 *
 * A take is a round trip to Redis, on the path of every call. With `takeAheadMs` (default 100),
 * a client's limiter takes the next token while a call is on its way, when calls come within that
 * time of each other, and holds it at most that long (see RateLimitStore.takeAheadMs): a caller
 * then finds its token taken, and a token nobody used goes back.
 */
import { bucketShare, MemoryRateLimitStore, RateLimitedError, type BucketSpec, type RateLimitStore, type TakeResult } from '@contractgen/runtime';
import { openRedis, RedisUnavailableError, type RedisConnectionOptions } from './connection.js';
import { BUDGET_TTL_MS, parseTakeReply, takeArgs, TAKE_SCRIPT } from './take-script.js';

export type UnavailablePolicy =
  | { readonly onUnavailable?: 'fail-closed' | 'fail-open' }
  | {
      readonly onUnavailable: 'local';
      /** The most processes that share the budget at once; each takes 1/fleetSize of it while Redis is unavailable. */
      readonly fleetSize: number;
    };

export type RedisRateLimitStoreOptions = RedisConnectionOptions &
  UnavailablePolicy & {
    /** Prefix of every key this store writes. Default `contractgen:rate-limit:`. */
    readonly prefix?: string;
    /**
     * Longest time a limiter may hold a token taken ahead of its next caller, in ms: added to
     * the buckets' transit margin (it costs takeAheadMs / 61 s of an rpm limit's steady rate).
     * Default 100; 0 takes no token ahead.
     */
    readonly takeAheadMs?: number;
  };

export interface RedisRateLimitStore extends RateLimitStore {
  refund(key: string, buckets: readonly BucketSpec[], now: number): Promise<void>;
  readonly takeAheadMs: number;
  /** Closes the Redis client the store made from `url` (a client passed in is left open). */
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT_PREFIX = 'contractgen:rate-limit:';
export const DEFAULT_TAKE_AHEAD_MS = 100;

interface SeenEpoch {
  readonly epoch: string;
  readonly at: number;
}

export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RedisRateLimitStore {
  const policy = options.onUnavailable ?? 'fail-closed';
  if (!['fail-closed', 'local', 'fail-open'].includes(policy)) throw new TypeError(`onUnavailable must be 'fail-closed', 'local' or 'fail-open', got ${String(policy)}`);
  const fleetSize = policy === 'local' ? (options as { fleetSize?: unknown }).fleetSize : 1;
  if (!(typeof fleetSize === 'number' && Number.isSafeInteger(fleetSize) && fleetSize >= 1)) {
    throw new RangeError(`onUnavailable 'local' needs fleetSize: the most processes sharing the budget, a whole number >= 1 (got ${String(fleetSize)})`);
  }
  const takeAheadMs = options.takeAheadMs ?? DEFAULT_TAKE_AHEAD_MS;
  if (!(Number.isSafeInteger(takeAheadMs) && takeAheadMs >= 0)) throw new RangeError(`takeAheadMs must be a whole number of ms >= 0, got ${takeAheadMs}`);
  const redis = openRedis(options, 'the Redis rate-limit store', { failFast: true });
  const prefix = options.prefix ?? DEFAULT_RATE_LIMIT_PREFIX;
  // The braces make the key its own hash tag, so a Redis Cluster keeps each budget on one node.
  const hashKey = (key: string) => `${prefix}{${key}}`;
  const epochs = new Map<string, SeenEpoch>();
  // Grants made while Redis was unavailable, per budget: paid back by the next take that reaches it.
  const debts = new Map<string, number>();
  // The fallback of the 'local' policy, made when an outage starts and dropped when it ends.
  let local: MemoryRateLimitStore | undefined;

  /** The epoch this process saw for `key`, unless so long ago that the hash may simply have expired. */
  function knownEpoch(key: string): string {
    const seen = epochs.get(key);
    return seen && Date.now() - seen.at < BUDGET_TTL_MS / 2 ? seen.epoch : '';
  }

  async function onRedis(op: 'take' | 'refund', key: string, buckets: readonly BucketSpec[]): Promise<TakeResult> {
    const debt = op === 'take' ? (debts.get(key) ?? 0) : 0;
    const reply = parseTakeReply(await redis.run(TAKE_SCRIPT, [hashKey(key)], takeArgs(op, buckets, knownEpoch(key), debt)));
    epochs.set(key, { epoch: reply.epoch, at: Date.now() });
    if (debt > 0) {
      const left = (debts.get(key) ?? 0) - debt;
      if (left > 0) debts.set(key, left);
      else debts.delete(key);
    }
    local = undefined;
    return reply.result;
  }

  function unavailable(key: string, cause: unknown): RateLimitedError {
    const why = cause instanceof Error ? cause.message : String(cause);
    return new RateLimitedError({
      source: 'store',
      message:
        policy === 'local'
          ? `Rate-limit store unavailable for "${key}" (${why}), and the limit has no 1/${fleetSize} share of at least one request (or its buckets were not sized by bucketsForLimits): nothing was sent`
          : `Rate-limit store unavailable for "${key}" (${why}): nothing was sent (onUnavailable: 'fail-closed'; 'local' or 'fail-open' would send anyway)`,
      cause,
    });
  }

  async function withoutRedis(key: string, buckets: readonly BucketSpec[], now: number, cause: unknown): Promise<TakeResult> {
    if (policy === 'fail-open') return { granted: true };
    if (policy === 'local') {
      const share = bucketShare(buckets, fleetSize as number);
      if (share) {
        local ??= new MemoryRateLimitStore({ startEmpty: true });
        const result = await local.take(key, share, now);
        if (result.granted) debts.set(key, (debts.get(key) ?? 0) + 1);
        return result;
      }
    }
    throw unavailable(key, cause);
  }

  return {
    async take(key, buckets, now) {
      if (buckets.length === 0) return { granted: true };
      try {
        return await onRedis('take', key, buckets);
      } catch (error) {
        if (!(error instanceof RedisUnavailableError)) throw error;
        return withoutRedis(key, buckets, now, error);
      }
    },
    async refund(key, buckets, now) {
      if (buckets.length === 0) return;
      try {
        await onRedis('refund', key, buckets);
      } catch {
        // Unreachable: a token granted locally goes back locally; one from Redis stays taken,
        // which only makes the budget stricter.
        const share = local && bucketShare(buckets, fleetSize as number);
        if (local && share) {
          await local.refund(key, share, now);
          const debt = (debts.get(key) ?? 0) - 1;
          if (debt > 0) debts.set(key, debt);
          else debts.delete(key);
        }
      }
    },
    takeAheadMs,
    close: () => redis.close(),
  };
}
