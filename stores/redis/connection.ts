/**
 * The one Redis connection a store or filter talks through, and the one way it talks: a Lua
 * script (EVALSHA, then EVAL when the server does not have the script yet, e.g. after a restart)
 * that answers within a deadline or counts as Redis being unavailable.
 *
 * The client is node-redis (`@redis/client`, the core of the official `redis` package), chosen
 * over ioredis for being Redis' recommended client for new code, with no dependencies of its own.
 * A client made here from a URL is owned: it connects on first use, reconnects by itself with
 * capped backoff, rejects commands at once while disconnected (no offline queue: a take must not
 * wait for a reconnect that may never come), and has its error events consumed, so a Redis
 * restart is never an unhandled 'error' event. A client passed in stays the caller's: it is used,
 * never connected or closed here.
 */
import { createHash } from 'node:crypto';
import { createClient } from '@redis/client';
import { createDeadlines } from './deadlines.js';

/**
 * What this package needs of an existing client: node-redis's `sendCommand` (a client from
 * `redis` or `@redis/client`, v4 and later, already connected).
 */
export interface RedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://...`: a client is made, owned and closed by this package. */
  readonly url?: string;
  /** An existing, connected node-redis client; used as it is and never closed here. */
  readonly client?: RedisClientLike;
  /** Longest wait for one answer from Redis before it counts as unavailable, in ms. Default 1,000. */
  readonly commandTimeoutMs?: number;
  /**
   * Longest wait for the first connection (an owned client's), in ms: calls made while the
   * process starts wait this long for Redis before it counts as unavailable. Default 5,000.
   */
  readonly connectTimeoutMs?: number;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** Reconnect backoff: 50 ms doubling up to 500 ms, so a restarted Redis is found again within about half a second. */
const MAX_RECONNECT_DELAY_MS = 500;

/** Redis did not answer: down, unreachable, too slow, or closed. `cause` says which. */
export class RedisUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
  static {
    Object.defineProperty(this.prototype, 'name', { value: 'RedisUnavailableError', writable: true, configurable: true });
  }
}

export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

export function defineScript(source: string): RedisScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

export interface RedisConnection {
  /** Runs `script` over `keys` and `args`; rejects with RedisUnavailableError when Redis does not answer in time. */
  run(script: RedisScript, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  /** Closes an owned client (a passed-in one is left alone); later calls reject. */
  close(): Promise<void>;
}

export interface ConnectionBehaviour {
  /**
   * After a wait for Redis ran out of time, take Redis as unavailable for as long again without
   * asking: right for a queue of callers (the rate limiter), which must not pay a full timeout
   * per caller while Redis hangs or is down; wrong for a write that must not be lost.
   */
  readonly failFast: boolean;
}

export function openRedis(options: RedisConnectionOptions, owner: string, behaviour: ConnectionBehaviour): RedisConnection {
  if ((options.url === undefined) === (options.client === undefined)) {
    throw new TypeError(`${owner}: pass either \`url\` or \`client\``);
  }
  const timeoutMs = positive(options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, 'commandTimeoutMs', owner);
  const connectTimeoutMs = positive(options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs', owner);
  const owned = options.url !== undefined ? ownedClient(options.url, connectTimeoutMs) : undefined;
  const client: RedisClientLike = owned?.client ?? options.client!;
  let closed = false;

  let failFastUntil = 0;
  const deadlines = createDeadlines();

  async function send(args: string[]): Promise<unknown> {
    if (closed) throw new RedisUnavailableError(`${owner} is closed`);
    if (Date.now() < failFastUntil) throw new RedisUnavailableError('Redis gave no answer in time a moment ago');
    // Until the first connection is made, calls wait for it (up to connectTimeoutMs): a process
    // that starts with Redis should not fail its first calls. Once connected, a client that
    // loses the connection rejects at once (no offline queue) until it has reconnected.
    const waitMs = owned && !owned.everReady ? connectTimeoutMs : timeoutMs;
    const due = performance.now() + waitMs;
    const expired = () => {
      if (behaviour.failFast) failFastUntil = Date.now() + waitMs;
      return new RedisUnavailableError(`Redis gave no answer within ${waitMs} ms`);
    };
    try {
      if (owned && !owned.everReady) await deadlines.within(owned.connected(), due, expired);
      return await deadlines.within(client.sendCommand(args), due, expired);
    } catch (error) {
      if (error instanceof RedisUnavailableError) throw error;
      // A server error (a script error, NOSCRIPT, a wrong-type key) is an answer: not unavailability.
      if (isServerError(error)) throw error;
      throw new RedisUnavailableError(`Redis is unavailable (${describe(error)})`, { cause: error });
    }
  }

  return {
    async run(script, keys, args) {
      const command = ['EVALSHA', script.sha, String(keys.length), ...keys, ...args];
      try {
        return await send(command);
      } catch (error) {
        if (!(isServerError(error) && /^NOSCRIPT/.test((error as Error).message))) throw error;
        return send(['EVAL', script.source, ...command.slice(2)]);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await owned?.close();
    },
  };
}

/** node-redis reports the server's error replies as `SimpleError` / `BlobError` (ErrorReply in v4). */
function positive(value: number, name: string, owner: string): number {
  if (!(value > 0 && Number.isFinite(value))) throw new RangeError(`${owner}: ${name} must be a finite number > 0`);
  return value;
}

function isServerError(error: unknown): boolean {
  const name = (error as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name === 'SimpleError' || name === 'BlobError' || name === 'ErrorReply';
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

interface OwnedClient {
  readonly client: RedisClientLike;
  /** True once the client has been connected at least once. */
  readonly everReady: boolean;
  /** Resolves once connected for the first time (or right away if it has been). */
  connected(): Promise<void>;
  close(): Promise<void>;
}

function ownedClient(url: string, connectTimeoutMs: number): OwnedClient {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) + Math.floor(Math.random() * 50),
    },
  });
  // Without a listener an 'error' event (every failed reconnect) would be thrown; commands report
  // unavailability themselves, so the events are only counted as handled.
  client.on('error', () => {});
  let everReady = false;
  let connecting: Promise<void> | undefined;
  const owned: OwnedClient = {
    client: client as unknown as RedisClientLike,
    get everReady() {
      return everReady;
    },
    connected() {
      connecting ??= client.connect().then(
        () => {
          everReady = true;
        },
        () => {
          // Closed before it ever connected: commands say so themselves.
        },
      );
      return connecting;
    },
    async close() {
      // close() lets pending replies arrive; destroy() ends a client that is not connected (and
      // stops its reconnect loop), where close() would have nothing to wait for.
      if (client.isReady) await client.close().catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
      await connecting;
    },
  };
  return owned;
}
