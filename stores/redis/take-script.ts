/**
 * The rate-limit store's Lua script: one atomic take (or refund) over every bucket of one budget,
 * on Redis' own clock, so the fleet shares one refill rate whatever its hosts' clocks say.
 *
 * One hash per budget key holds, per bucket, its tokens (`<name>:t`) and when they were counted
 * (`<name>:at`, ms on the server's clock), plus `epoch`: an id of this dataset. A bucket absent
 * from the hash starts full, as RateLimitStore promises, with one exception: when the whole hash
 * is gone but the caller had seen an epoch (Redis restarted without persistence, or the data was
 * flushed or evicted), the buckets start empty. The lost state may have held a full window of
 * grants that the provider has not forgotten; starting full would let a burst through on top.
 * A process whose first take comes after the loss cannot tell a lost budget from a new one: for
 * it the buckets start full (one burst, 10% of the limit by default). Redis with persistence
 * (appendonly) loses nothing in a restart.
 *
 * A take may first pay a debit: grants a caller made on its own while Redis was unreachable (the
 * `local` policy), which the shared buckets then owe (they may go below zero; the wait says so).
 */
import type { BucketSpec, TakeResult } from '@contractgen/runtime';
import { defineScript } from './connection.js';

// KEYS[1]: the budget's hash. ARGV: op ('take' | 'refund'), the epoch the caller knows ('' if
// none), the debit, the hash's TTL in ms, then name, capacity, refillPerMs for every bucket.
// One HMGET reads the epoch and every bucket, one HSET writes them: a take is 4 commands whatever
// the number of buckets.
// Numbers are written with %.17g: Lua's tostring keeps 14 digits, too few for a time in ms.
const TAKE_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local key, op, known, debit, ttl = KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local count = (#ARGV - 4) / 3
local fields = {'epoch'}
for i = 1, count do
  fields[2 * i] = ARGV[2 + 3 * i] .. ':t'
  fields[2 * i + 1] = ARGV[2 + 3 * i] .. ':at'
end
local state = redis.call('HMGET', key, unpack(fields))
local epoch, lost, writes = state[1], false, {}
if not epoch then
  epoch = time[1] .. '.' .. time[2]
  lost = known ~= ''
  writes = {'epoch', epoch}
end
local levels, granted, wait = {}, true, 0
for i = 1, count do
  local capacity, rate = tonumber(ARGV[3 + 3 * i]), tonumber(ARGV[4 + 3 * i])
  local tokens, at = state[2 * i], state[2 * i + 1]
  local level
  if tokens and at then
    level = math.min(capacity, tonumber(tokens) + math.max(0, now - tonumber(at)) * rate)
  elseif lost then
    level = 0
  else
    level = capacity
  end
  level = level - debit
  if op == 'refund' then
    level = math.min(capacity, level + 1)
  elseif level < 1 then
    granted = false
    wait = math.max(wait, math.ceil((1 - level) / rate))
  end
  levels[i] = level
end
local stamp = string.format('%.17g', now)
for i = 1, count do
  local level = levels[i]
  if op == 'take' and granted then level = level - 1 end
  local at = #writes
  writes[at + 1], writes[at + 2], writes[at + 3], writes[at + 4] = fields[2 * i], string.format('%.17g', level), fields[2 * i + 1], stamp
end
redis.call('HSET', key, unpack(writes))
redis.call('PEXPIRE', key, ttl)
if op == 'take' and not granted then return {0, math.max(1, wait), epoch} end
return {1, 0, epoch}
`;

export const TAKE_SCRIPT = defineScript(TAKE_LUA);

/**
 * How long a budget's hash outlives its last take: a day. Its buckets are full long before (an
 * hour and a second at most); what must survive a quiet spell is the epoch, or the next take of a
 * caller that saw it would take the expired hash for a lost one and start the buckets empty.
 */
export const BUDGET_TTL_MS = 24 * 60 * 60 * 1000;

export function takeArgs(op: 'take' | 'refund', buckets: readonly BucketSpec[], knownEpoch: string, debit: number): string[] {
  const args = [op, knownEpoch, String(debit), String(BUDGET_TTL_MS)];
  for (const bucket of buckets) {
    if (!(bucket.capacity >= 1 && bucket.refillPerMs > 0 && Number.isFinite(bucket.refillPerMs))) {
      throw new RangeError(`bucket ${bucket.name}: capacity must be >= 1 and refillPerMs a finite number > 0`);
    }
    args.push(bucket.name, String(bucket.capacity), String(bucket.refillPerMs));
  }
  return args;
}

export interface TakeReply {
  readonly result: TakeResult;
  readonly epoch: string;
}

export function parseTakeReply(reply: unknown): TakeReply {
  if (!Array.isArray(reply) || reply.length !== 3) throw new TypeError(`unexpected reply from the take script: ${JSON.stringify(reply)}`);
  const [granted, wait, epoch] = reply as [unknown, unknown, unknown];
  const result: TakeResult = Number(granted) === 1 ? { granted: true } : { granted: false, retryAfterMs: Math.max(1, Number(wait)) };
  return { result, epoch: String(epoch) };
}
