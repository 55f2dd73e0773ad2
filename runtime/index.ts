// Runtime entry for generated code and adapters (`contractgen/runtime`). It re-exports only the
// client kernel, which uses Node built-ins alone: the spec checks in runtime/spec/ pull in ajv
// and are imported from `contractgen/spec` by the code that needs them.
export * from './client/index.js';
