/**
 * Webhook deliveries handled once. Providers redeliver a webhook whose answer failed or came late,
 * with the same delivery id (Twilio's MessageSid), and behind a load balancer the redelivery may
 * reach another process. A DuplicateFilter records which delivery keys were handled: in this
 * process (createDuplicateFilter, below) or fleet-wide (`createRedisDuplicateFilter` from
 * `@contractgen/redis`). test/support/duplicate-filter-conformance.ts is what every filter must do.
 *
 * A key goes through two states. A claim marks it in progress for `leaseMs` while the handler
 * runs; completing it marks it handled for `ttlMs`; a handler that fails releases it, so the
 * provider's next redelivery is handled. A delivery that arrives while another delivery of the
 * same key is still in progress is neither handled nor acknowledged as done: answering it with
 * success would let the provider stop redelivering although the first handler may still fail.
 */
import { randomUUID } from 'node:crypto';

export type ClaimResult =
  /** This caller handles the delivery, then calls exactly one of `complete` or `release`. */
  | { readonly status: 'claimed'; complete(): Promise<void>; release(): Promise<void> }
  /** Handled before, within the TTL: acknowledge it and do nothing. */
  | { readonly status: 'duplicate' }
  /** Being handled elsewhere right now: answer so that the provider redelivers later (e.g. 503). */
  | { readonly status: 'in-progress' };

export interface DuplicateFilter {
  /**
   * Claims `key` (a delivery id) for this caller. Rejects when the filter cannot answer (its
   * store is down): then nobody knows whether the delivery was handled, so answer so that the
   * provider redelivers later.
   */
  claim(key: string): Promise<ClaimResult>;
}

export type HandleOnceResult<T> = { readonly status: 'handled'; readonly value: T } | { readonly status: 'duplicate' | 'in-progress' };

/**
 * Runs `handle` unless the delivery `key` was handled or is being handled: claims the key, runs
 * the handler, then marks the key handled, or releases it when the handler throws (and rethrows).
 * A failure to mark the key handled is ignored: the delivery was handled, and the claim lapses
 * after its lease, so at worst a later redelivery is handled again (at least once, never lost).
 */
export async function handleOnce<T>(filter: DuplicateFilter, key: string, handle: () => T | Promise<T>): Promise<HandleOnceResult<T>> {
  const claim = await filter.claim(key);
  if (claim.status !== 'claimed') return { status: claim.status };
  let value: T;
  try {
    value = await handle();
  } catch (error) {
    // A release that fails leaves the claim to lapse after its lease: the redelivery waits longer.
    await claim.release().catch(() => {});
    throw error;
  }
  await claim.complete().catch(() => {});
  return { status: 'handled', value };
}

export interface DuplicateFilterOptions {
  /** How long a handled key is remembered. Default 24 h (providers redeliver within minutes to hours). */
  readonly ttlMs?: number;
  /** How long a claim holds while its handler runs; after that a redelivery may be handled again. Default 60 s. */
  readonly leaseMs?: number;
}

export const DEFAULT_DUPLICATE_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_CLAIM_LEASE_MS = 60_000;

export interface MemoryDuplicateFilterOptions extends DuplicateFilterOptions {
  /** Most keys kept; the oldest go first. Default 10,000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

export interface MemoryDuplicateFilter extends DuplicateFilter {
  /** Keys remembered now, handled or in progress. */
  readonly size: number;
}

interface Entry {
  readonly owner: string | undefined;
  readonly expiry: number;
}

/**
 * A filter in this process's memory. One process only: with several instances behind a load
 * balancer, use a shared one (`createRedisDuplicateFilter` from `@contractgen/redis`).
 */
export function createDuplicateFilter(options: MemoryDuplicateFilterOptions = {}): MemoryDuplicateFilter {
  const ttlMs = options.ttlMs ?? DEFAULT_DUPLICATE_TTL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  const maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  const now = options.now ?? Date.now;
  // key -> entry, oldest first (an entry is re-inserted when it changes); owner undefined = handled.
  const entries = new Map<string, Entry>();
  const ownedBy = (key: string, owner: string) => entries.get(key)?.owner === owner;
  return {
    async claim(key) {
      const time = now();
      for (const [oldKey, entry] of entries) {
        if (entry.expiry > time && entries.size < maxEntries) break;
        entries.delete(oldKey);
      }
      const entry = entries.get(key);
      if (entry !== undefined && entry.expiry > time) return { status: entry.owner === undefined ? 'duplicate' : 'in-progress' };
      const owner = randomUUID();
      entries.delete(key);
      entries.set(key, { owner, expiry: time + leaseMs });
      return {
        status: 'claimed',
        async complete() {
          if (!ownedBy(key, owner)) return;
          entries.delete(key);
          entries.set(key, { owner: undefined, expiry: now() + ttlMs });
        },
        async release() {
          if (ownedBy(key, owner)) entries.delete(key);
        },
      };
    },
    get size() {
      return entries.size;
    },
  };
}
