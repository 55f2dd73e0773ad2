// `@contractgen/redis`: fleet-wide state for contractgen clients. A shared rate-limit store (give
// it to a client as `rateLimitStore`) and a webhook duplicate filter (for `handleOnce`).
export { createRedisRateLimitStore, DEFAULT_RATE_LIMIT_PREFIX, DEFAULT_TAKE_AHEAD_MS, type RedisRateLimitStore, type RedisRateLimitStoreOptions, type UnavailablePolicy } from './rate-limit-store.js';
export { createRedisDuplicateFilter, DEFAULT_DELIVERY_PREFIX, type RedisDuplicateFilter, type RedisDuplicateFilterOptions } from './duplicate-filter.js';
export { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, RedisUnavailableError, type RedisClientLike, type RedisConnectionOptions } from './connection.js';
