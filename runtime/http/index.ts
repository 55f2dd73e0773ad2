// Providers by spec: the normalized binding a generated `http.ts` holds, and the generic adapter
// that executes it. The test double is at `@contractgen/runtime/testing`, so production never loads it.
export type * from './binding.js';
export { createHttpAdapter, type HttpOperation } from './adapter.js';
export { combineAdapters, definePartialAdapter, type OperationsAdapter, type PartialAdapter } from './combine.js';
