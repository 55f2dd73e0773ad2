/**
 * How deep input may nest. Parsers, ajv, json-schema-to-typescript, structuredClone and the
 * emitters all recurse, and a stack overflow is an internal error with no position: input deeper
 * than this is a located diagnostic (CG105) before any of them sees it. Real specs nest about ten
 * levels; the TypeScript parser itself overflows past roughly 500 nested object literals.
 */

/** Brackets (`{`, `[`, `(`, `${`) open at once in a source file, checked before it is parsed. */
export const MAX_SOURCE_NESTING = 128;

/** Objects and arrays nested in one spec value (a JSON Schema nested 30 levels uses about 60). */
export const MAX_VALUE_DEPTH = 64;

/** Expressions the evaluator has open at once: value nesting plus constants referring to constants, parentheses and signs. */
export const MAX_EXPRESSION_DEPTH = 256;
