import type { Diagnostic } from '../diagnostics.js';
import { type LoadedSpec } from './model.js';
import { ModuleGraph } from './modules.js';
export interface LoadResult {
    readonly specs: LoadedSpec[];
    readonly diagnostics: Diagnostic[];
    /** Every source file read: the spec files and the files they import (for watch mode and caching). */
    readonly files: string[];
    /**
     * File text by path, for code frames. The strings of every `secretSchema.example` are masked
     * (same length, so columns stay right): a code frame must never print a credential. Only files
     * inside the run's input boundary are read: a code frame never shows a byte from outside the project.
     */
    readonly sourceText: (file: string) => string | undefined;
    /** For each spec file evaluated this run, the files its values came from (itself included). */
    readonly dependencies: ReadonlyMap<string, readonly string[]>;
    /** The diagnostics of each spec file evaluated this run. */
    readonly fileDiagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
}
/** Specs (and diagnostics) of a file known from an earlier run whose inputs have not changed; undefined to evaluate it. */
export type ReuseSpecs = (file: string) => {
    readonly specs: readonly LoadedSpec[];
    readonly diagnostics: readonly Diagnostic[];
} | undefined;
export declare function loadSpecs(files: readonly string[], graph?: ModuleGraph, reuse?: ReuseSpecs): LoadResult;
//# sourceMappingURL=load.d.ts.map