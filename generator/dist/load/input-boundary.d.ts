import type { ResolvedOptions } from '../options.js';
/** Where a file really is, or why it may not be read. */
export type BoundaryVerdict = {
    readonly realPath: string;
} | {
    readonly refusal: string;
};
export declare class InputBoundary {
    private readonly roots;
    private readonly declarationRoots;
    constructor(roots: readonly string[], declarationRoots?: readonly string[]);
    /** Loaders used outside a run (tests, tools): the working directory is the project. */
    static workingDirectory(): InputBoundary;
    /**
     * The real path of `file` when it may be read. A file that does not exist passes: reading it
     * fails with its own error (ENOENT), which says more than a refusal would.
     */
    judge(file: string): BoundaryVerdict;
}
/** The folders a run reads from (see the file comment). */
export declare function projectBoundary(options: ResolvedOptions, packageDirs: readonly string[]): InputBoundary;
/** A folder as it really is (a root that does not exist yet is kept as given). */
export declare function realFolder(folder: string): string;
//# sourceMappingURL=input-boundary.d.ts.map