import type { SpecFinding } from '../spec/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedOptions, SpecSummary } from '../options.js';
export interface SerializedSpec {
    readonly kind: 'integration' | 'capability';
    readonly exportName: string;
    readonly value: unknown;
    /** Files the positions point into. */
    readonly files: readonly string[];
    /**
     * Path keys, prefix-compressed (a cache holds hundreds of thousands, most of them long paths
     * below another recorded path): key i is `keys[parents[i]] + "\0" + segments[i]`, or just
     * `segments[i]` where `parents[i]` is -1. For each key three numbers in `coordinates`: file index, line, column.
     */
    readonly segments: readonly string[];
    readonly parents: readonly number[];
    readonly coordinates: readonly number[];
    readonly start: readonly [number, number, number];
    readonly source: string;
    /** Single-spec rule findings (they depend on the value alone). */
    readonly findings: readonly SpecFinding[];
}
export interface CachedSpecFile {
    /** Every file the evaluation read, itself included. */
    readonly deps: readonly string[];
    readonly specs: readonly SerializedSpec[];
    /** Load diagnostics of the file (warnings; a file with errors is never cached). */
    readonly diagnostics: readonly Diagnostic[];
}
export interface CacheData {
    readonly format: number;
    /** Fingerprint of the generator, its templates and the options. */
    readonly tool: string;
    /** Content hash of every input file read. */
    readonly inputs: Readonly<Record<string, string>>;
    readonly specFiles: readonly string[];
    readonly adapterFiles: readonly string[];
    readonly specFileData: Readonly<Record<string, CachedSpecFile>>;
    /** Emit units: fingerprint of their inputs and the output paths they produced. */
    readonly units: Readonly<Record<string, {
        readonly fingerprint: string;
        readonly paths: readonly string[];
    }>>;
    /** Output path -> content hash after the run. */
    readonly outputs: Readonly<Record<string, string>>;
    /** What the run reported, for a run that finds nothing changed. */
    readonly result: {
        readonly specs: readonly SpecSummary[];
        readonly diagnostics: readonly Diagnostic[];
    };
}
export declare function sha1(text: string | Buffer): string;
/** Where the cache of this output folder lives: the nearest node_modules/.cache, as other build tools do. */
export declare function cacheFile(options: ResolvedOptions): string | undefined;
export declare function readCache(file: string | undefined): CacheData | undefined;
export declare function writeCache(file: string | undefined, data: Omit<CacheData, 'format'>): void;
/** The generator's own code and templates, the override templates and the options: a change to any invalidates everything. */
export declare function toolFingerprint(options: ResolvedOptions): string;
/** Content hashes of files, or undefined for a file that cannot be read. */
export declare function hashFiles(files: Iterable<string>): Map<string, string | undefined>;
/**
 * Whether each output still holds the bytes the cache recorded for it. Contents, not mtimes:
 * restored caches, `cp -p` and same-second edits keep mtimes, and `check` must still see drift.
 */
export declare function outputsIntact(paths: Iterable<string>, absolute: (path: string) => string, recorded: Readonly<Record<string, string>>): boolean;
//# sourceMappingURL=store.d.ts.map