/** A problem found in one spec, located by its path inside the spec object. */
export interface SpecFinding {
    /** Stable code, e.g. `CG121`; documented in README.md. */
    readonly code: string;
    readonly severity: 'error' | 'warning';
    /** Path inside the spec object, e.g. `['configSchema', 'example', 'fromNumber']`. */
    readonly path: readonly (string | number)[];
    readonly message: string;
    readonly hint?: string;
}
export declare function formatPath(path: readonly (string | number)[]): string;
/** Levenshtein-based "did you mean" among known names; undefined when nothing is close. */
export declare function closest(name: string, known: readonly string[]): string | undefined;
//# sourceMappingURL=findings.d.ts.map