export * from './client/index.js';
export * from './validation/index.js';
export * from './spec/index.js';
export { createRegistry, type Registry } from './registry.js';
export { versionSatisfies } from './semver.js';
export { assertRuntimeVersion, RUNTIME_VERSION, RuntimeVersionError } from './version.js';
//# sourceMappingURL=index.d.ts.map