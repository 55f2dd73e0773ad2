import { ts } from 'ts-morph';
import type { SourcePosition } from '../diagnostics.js';
export interface ParsedModule {
    readonly file: string;
    readonly text: string;
    readonly sourceFile: ts.SourceFile;
    readonly syntaxErrors: readonly {
        position: SourcePosition;
        message: string;
    }[];
}
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
} | {
    kind: 'other';
    module: ParsedModule;
    node: ts.Node;
    why: string;
};
export declare class ModuleGraph {
    private readonly readText;
    private readonly modules;
    private readonly seen;
    private readonly resolutionCache;
    constructor(readText?: (file: string) => string);
    /** Files read while `record` runs: what a spec's value depends on. */
    private recording;
    record<T>(run: () => T): {
        result: T;
        files: string[];
    };
    get(file: string): ParsedModule;
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
    private importTarget;
}
export declare function positionAt(sourceFile: ts.SourceFile, offset: number): SourcePosition;
export declare function positionOfNode(node: ts.Node): SourcePosition;
//# sourceMappingURL=modules.d.ts.map