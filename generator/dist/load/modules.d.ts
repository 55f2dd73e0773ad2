import { ts } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import { InputBoundary } from './input-boundary.js';
import { type ParsedModule } from './parse.js';
export type { ParsedModule } from './parse.js';
export { positionAt, positionOfNode } from './positions.js';
/** What an identifier in a module refers to, as far as static evaluation cares. */
export type Binding = {
    kind: 'const';
    module: ParsedModule;
    declaration: ts.VariableDeclaration;
} | {
    kind: 'enum';
    module: ParsedModule;
    declaration: ts.EnumDeclaration;
} | {
    kind: 'namespace';
    module: ParsedModule;
}
/** `code`: the diagnostic to report when the name is used (default CG101, not static). */
 | {
    kind: 'other';
    module: ParsedModule;
    node: ts.Node;
    why: string;
    code?: string;
};
export declare class ModuleGraph {
    readonly boundary: InputBoundary;
    private readonly modules;
    private readonly seen;
    private readonly resolutionCache;
    constructor(boundary?: InputBoundary);
    /** Files read while `record` runs: what a spec's value depends on. */
    private recording;
    record<T>(run: () => T): {
        result: T;
        files: string[];
    };
    /** Throws an InputFileError for a file that may not be read (or is not UTF-8), and read errors as they are. */
    get(file: string): ParsedModule;
    /** The module, or why it cannot be read as a diagnostic (for imports, which must not throw out of evaluation). */
    tryGet(file: string): ParsedModule | Diagnostic;
    /** Every file parsed so far: the spec files and whatever they import. */
    files(): string[];
    /** Forgets a file's syntax tree (it is parsed again if something asks for it later). */
    release(file: string): void;
    resolveImport(specifier: string, fromFile: string): string | undefined;
    /** Resolves a name used in `module` to the declaration it binds, following imports and re-exports. */
    lookupLocal(module: ParsedModule, name: string, seen?: Set<string>): Binding | undefined;
    /** The binding `statement` introduces for `name`, if it introduces one. */
    private bindingIn;
    /** Resolves an exported name of `module`. */
    lookupExport(module: ParsedModule, name: string, seen?: Set<string>): Binding | undefined;
    /** The module an import or re-export names, or the binding that says why it cannot be used (unresolved, refused, unreadable). */
    private moduleOf;
}
export declare function isModule(value: ParsedModule | Binding | Diagnostic | undefined): value is ParsedModule;
//# sourceMappingURL=modules.d.ts.map