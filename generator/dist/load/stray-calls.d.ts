/**
 * Define calls the loader does not read. A spec is read only from `export const x = defineX({...})`
 * or `export default defineX({...})` at the top level; one anywhere else (`module.exports = ...`,
 * inside an array or a function) would otherwise be skipped without a word, and its integration
 * silently missing from the output.
 */
import { ts } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
/** CG107 for each call to one of `callees` that is not in `read` (the calls the loader reads) nor inside one. */
export declare function strayDefineCalls(sourceFile: ts.SourceFile, callees: ReadonlySet<string>, read: ReadonlySet<ts.Node>): Diagnostic[];
//# sourceMappingURL=stray-calls.d.ts.map