// The client kernel: everything generated clients and adapters import at runtime.
export * from './errors.js';
export * from './secrets.js';
export * from './clock.js';
export * from './rate-limit/buckets.js';
export * from './rate-limit/store.js';
export * from './rate-limit/memory-store.js';
export * from './rate-limit/limiter.js';
export * from './timeout.js';
export * from './retry.js';
export * from './redact-error.js';
export * from './output-check.js';
export * from './kernel.js';
export * from './hooks.js';
export { responseOf, type ProviderResponse } from './provider-response.js';
export * from './adapter.js';
export * from './duplicate-filter.js';
export * from './integration-client.js';
