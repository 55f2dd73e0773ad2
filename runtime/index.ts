// Runtime entry for generated code and adapters (`contractgen/runtime`). It re-exports only the
// client kernel, which uses Node built-ins alone: the spec checks in runtime/spec/ pull in ajv
// and are imported from `contractgen/spec` by the code that needs them.
export * from './client/index.js';
// Precompiled validators' wrapper (ajv's helpers for them live at `contractgen/runtime/ajv`).
export * from './validation/index.js';
export { createRegistry, type Registry } from './registry.js';
export { versionSatisfies } from './semver.js';
