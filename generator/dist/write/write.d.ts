import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../emit/context.js';
/** An output folder and the emitted paths it receives (the first target whose prefix matches). */
export interface OutputTarget {
    readonly prefix: string;
    readonly dir: string;
}
export interface OutputSummary {
    /** New or changed files (manifests included), by emitted path. */
    readonly changed: readonly string[];
    readonly missing: readonly string[];
    readonly unchanged: readonly string[];
    /** Files an earlier run generated that this run does not produce. */
    readonly stale: readonly string[];
    readonly diagnostics: readonly Diagnostic[];
}
export declare class OutputSession {
    private readonly write;
    private readonly states;
    private readonly staged;
    /** Folders this run created for staged files, so an abort leaves no empty folder behind either. */
    private readonly createdDirs;
    private readonly changed;
    private readonly missing;
    private readonly unchanged;
    private readonly diagnostics;
    private stale;
    /** `write`: stage changed files for `commit`; otherwise only compare (check mode). */
    constructor(targets: readonly OutputTarget[], write: boolean);
    absolute(path: string): string;
    /** Content hash of every file this run produces, by emitted path (for the build cache). */
    readonly hashes: Map<string, string>;
    /** A file this run produces whose bytes (`hash`) are known to be on disk already (verified by the caller). */
    keep(path: string, hash: string): void;
    add(file: OutputFile): void;
    /** Adds the manifests and finds stale files; call once, after every file was added. */
    finish(): OutputSummary;
    /** Renames every staged file into place (manifests last), then removes stale files. */
    commit(): void;
    private aborted;
    get wasAborted(): boolean;
    /** Deletes every staged temp file: the folders are left exactly as they were. Nothing is staged after it. */
    abort(): void;
    private compare;
    private stage;
    private stateOf;
}
//# sourceMappingURL=write.d.ts.map