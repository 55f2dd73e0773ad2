/** One problem found by any stage, in the one format every reporter prints. */
export interface Diagnostic {
    /** Stable code: CG1xx load, CG11x-CG12x spec rules, CG13x cross-spec rules, CG2xx templates/emit, CG3xx output. */
    readonly code: string;
    readonly severity: 'error' | 'warning';
    readonly message: string;
    /** Absolute path of the file the problem is in, when it is in one. */
    readonly file?: string;
    /** 1-based. */
    readonly line?: number;
    /** 1-based. */
    readonly column?: number;
    readonly hint?: string;
}
export interface SourcePosition {
    readonly file: string;
    readonly line: number;
    readonly column: number;
}
export declare function hasErrors(diagnostics: readonly Diagnostic[]): boolean;
/** Stable order for output: by file, then position, then code. */
export declare function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[];
//# sourceMappingURL=diagnostics.d.ts.map