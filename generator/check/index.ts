/** check: the spec rules: each spec on its own, an integration against the capabilities, and across every spec. */
export { checkSpec } from './spec.js';
export { checkReferences, type CheckedCapability } from './references.js';
export { uniqueSpecs } from './unique.js';
export { resolveAdapters, unknownAdapterKeys } from './adapters.js';
export { checkHttpBinding } from './http.js';
