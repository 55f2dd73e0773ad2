/** cache: what a run may reuse from the previous one (see format.ts); never needed for correct output. */
export { CACHE_FORMAT, type CacheData, type CachedAdapters, type CachedSpecFile, type OutputStamp } from './format.js';
export { cacheFile, cacheName, InputHashes, readCache, toolFingerprint, writeCache } from './store.js';
export { WarmState } from './warm.js';
export { outputCheck, outputHolds, stampOf, type TrustedOutput } from './stamps.js';
export { WatchedOutputs } from './watched-outputs.js';
