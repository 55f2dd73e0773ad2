/**
 * The limits a spec declares (`constraints.rateLimit`: rpm, rph) and the token buckets that
 * enforce them: what a valid limit is, and how a bucket is sized so that no sliding window at the
 * provider ever sees more than the limit. Pure arithmetic; stores and the limiter build on it.
 */
import type { Issue } from '../errors.js';

export interface RateLimits {
  /** Requests per minute: at most this many in any 60-second window. */
  readonly rpm?: number;
  /** Requests per hour: at most this many in any 3600-second window. */
  readonly rph?: number;
}

/** A token bucket: holds at most `capacity` tokens (starts full), refills continuously at `refillPerMs`. */
export interface BucketSpec {
  readonly capacity: number;
  readonly refillPerMs: number;
  /** Distinguishes the buckets stored under one key, e.g. `rpm` and `rph`. */
  readonly name: string;
  /**
   * What the bucket was sized for (bucketsForLimits): at most `limit` requests in any window of
   * `spanMs` (the window plus the transit jitter). Stores need only capacity and refill; a share
   * of the budget (bucketShare) is sized from these. Absent on buckets made by hand.
   */
  readonly limit?: number;
  readonly spanMs?: number;
}

export const RATE_LIMIT_WINDOW_MS = { rpm: 60_000, rph: 3_600_000 } as const;

/**
 * What is wrong with a set of rate limits, one issue per unusable field (`path` is `rpm` or
 * `rph`); empty when every given limit is usable. This is the one definition of a valid limit:
 * the spec rules report these as CG116 and the client as a ConfigurationError at creation, so a
 * spec that passes `contractgen validate` never fails at run time, and the other way round.
 * A limit is a whole number of requests, at least 1: the limiter grants whole tokens, so
 * `rpm: 0.5` (one every two minutes) cannot be honoured as written; `rph: 30` says it exactly.
 */
export function rateLimitProblems(limits: { readonly rpm?: unknown; readonly rph?: unknown }): Issue[] {
  const problems: Issue[] = [];
  for (const name of ['rpm', 'rph'] as const) {
    const limit = limits[name];
    if (limit === undefined) continue;
    if (!(typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1)) {
      problems.push({ path: name, message: 'must be a whole number of requests, at least 1' });
    }
  }
  return problems;
}

/** Share of a window's limit that may go out at once after a quiet period. */
export const DEFAULT_BURST_FRACTION = 0.1;

/**
 * Longest time, in ms, between a grant and the request reaching the provider (event loop, socket,
 * network) that the limit still holds for. Measured transit spread was up to about 1 s.
 */
export const DEFAULT_TRANSIT_JITTER_MS = 1_000;

/**
 * Bucket parameters that make "at most N requests reach the provider in ANY window of W ms" a
 * guarantee, although each request arrives up to J ms (the transit jitter) after its grant.
 *
 * A bucket with capacity C refilling at r per ms can grant, within a span of S ms, the C tokens
 * it held when the span opened plus the r*S it refills during it: a classic "capacity N, N per
 * window" bucket therefore allows up to 2N in one sliding window. A request granted at g arrives
 * in [g, g + J], so every arrival in a provider window [t, t + W] was granted in [t - J, t + W],
 * a span of W + J. Grants are whole tokens, so choosing C + r*(W + J) < N + 1 bounds every such
 * span, closed at both ends, to N grants, and with it every provider window to N arrivals:
 *
 *   C = max(1, floor(N * burstFraction)),   r = (N + 1 - C) / (W + J + 1)
 *
 * The "+1" terms keep the bound strict with a margin of about (N + 1 - C) / (W + J) tokens, far
 * above floating-point error. Bounding grants in W alone (r = (N + 1 - C) / (W + 1)) let a
 * provider see 1,218 in a minute at rpm 1,200: the burst arrived late, in the same window as a
 * full minute of refill. The price of the guarantee is throughput: a full burst of C, then a
 * steady (N + 1 - C) * W / (W + J + 1) per window, e.g. rpm 200 -> 20 at once, then ~178 per
 * minute; rpm 1,200 -> 120, then ~1,063. J = 1 s costs 1.6% of a minute's steady rate and 0.03%
 * of an hour's. A request delayed by more than J can still crowd a window.
 * (A sliding-window log would allow both a full burst and full throughput, but needs O(N) state
 * per key, which a shared store pays for on every request.)
 */
export function bucketsForLimits(limits: RateLimits, burstFraction = DEFAULT_BURST_FRACTION, transitJitterMs = DEFAULT_TRANSIT_JITTER_MS): BucketSpec[] {
  if (!(burstFraction > 0 && burstFraction <= 1)) throw new RangeError('burstFraction must be in (0, 1]');
  if (!(transitJitterMs >= 0 && Number.isFinite(transitJitterMs))) throw new RangeError('transitJitterMs must be a finite number >= 0');
  const [problem] = rateLimitProblems(limits);
  if (problem) throw new RangeError(`rateLimit.${problem.path} ${problem.message}, got ${limits[problem.path as keyof RateLimits]}`);
  const buckets: BucketSpec[] = [];
  for (const name of ['rpm', 'rph'] as const) {
    const n = limits[name];
    if (n === undefined) continue;
    const spanMs = RATE_LIMIT_WINDOW_MS[name] + transitJitterMs;
    buckets.push(sizedBucket(name, n, Math.max(1, Math.floor(n * burstFraction)), spanMs));
  }
  return buckets;
}

function sizedBucket(name: string, limit: number, capacity: number, spanMs: number): BucketSpec {
  return { name, capacity, refillPerMs: (limit + 1 - capacity) / (spanMs + 1), limit, spanMs };
}

/**
 * The buckets for one of `members` senders that must together stay within `buckets` without
 * talking to each other (the Redis store's `local` fallback): each member gets floor(N / members)
 * of every limit N, sized like bucketsForLimits with the same burst fraction, so the members'
 * windows add up to at most N. Undefined when a member's share of some limit is below one
 * request, or a bucket does not say what it was sized for (`limit`, `spanMs`): nothing can then
 * be sent safely without the shared store.
 */
export function bucketShare(buckets: readonly BucketSpec[], members: number): BucketSpec[] | undefined {
  if (!(Number.isSafeInteger(members) && members >= 1)) throw new RangeError(`members must be a whole number >= 1, got ${members}`);
  const shares: BucketSpec[] = [];
  for (const bucket of buckets) {
    if (bucket.limit === undefined || bucket.spanMs === undefined) return undefined;
    const limit = Math.floor(bucket.limit / members);
    if (limit < 1) return undefined;
    shares.push(sizedBucket(bucket.name, limit, Math.max(1, Math.floor((limit * bucket.capacity) / bucket.limit)), bucket.spanMs));
  }
  return shares;
}
