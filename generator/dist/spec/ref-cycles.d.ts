/**
 * A local `$ref` that leads back to itself without descending into the value (`{ $ref: '#' }`,
 * `{ anyOf: [{ $ref: '#/definitions/a' }] }` with `a` the same): every validator would apply the
 * schema to the same value forever, and overflow the stack, at check time and in generated code.
 * A reference under `properties`, `items` and the like is fine: it recurses into a smaller value.
 */
import type { SpecFinding } from './findings.js';
type Path = readonly (string | number)[];
export declare function findRefCycle(root: unknown, at: Path): SpecFinding | undefined;
export {};
//# sourceMappingURL=ref-cycles.d.ts.map