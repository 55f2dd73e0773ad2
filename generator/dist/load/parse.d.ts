/**
 * Parses a source file with the TypeScript compiler bundled with ts-morph (`ts.createSourceFile`):
 * read node by node, never type-checked or executed. A file nested deeper than the parser can go
 * is not parsed at all (CG105 at the bracket that goes too deep), so the parser never overflows
 * the stack; the rare deep nesting without brackets (thousands of signs in a row) is caught as
 * the overflow itself.
 */
import { ts } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
export interface ParsedModule {
    readonly file: string;
    readonly text: string;
    readonly sourceFile: ts.SourceFile;
    /** Syntax errors (CG100) and nesting too deep to parse (CG105): the tree is not to be evaluated. */
    readonly problems: readonly Diagnostic[];
}
export declare function parseModule(file: string, text: string): ParsedModule;
//# sourceMappingURL=parse.d.ts.map