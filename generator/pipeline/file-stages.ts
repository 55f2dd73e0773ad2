/**
 * The stages a spec file's work is timed in (each reported, also at zero). A module of its own:
 * the main thread only sums these timings, and a value import of spec-file.ts would load the spec
 * processor (the TypeScript compiler, ajv, json-schema-to-typescript, Handlebars) into the main
 * thread of a run whose workers do that work: 50 MB more at peak on 1,000 specs.
 */
export const FILE_STAGES = ['load', 'check', 'plan', 'emit'] as const;
