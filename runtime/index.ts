// `@contractgen/runtime`: what generated code and adapters import at run time. The client kernel
// uses Node built-ins alone; ajv's helpers for precompiled validators are at `@contractgen/runtime/ajv`.
export * from './client/index.js';
export * from './http/index.js';
export * from './webhooks/index.js';
export * from './validation/index.js';
export * from './spec-model/index.js';
export { createRegistry, type Registry } from './registry.js';
export { versionSatisfies } from './semver.js';
export { assertRuntimeVersion, RUNTIME_VERSION, RuntimeVersionError } from './version.js';
