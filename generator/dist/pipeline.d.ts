import type { CheckedModel } from './check/model.js';
import { type CacheData, type CachedSpecFile } from './cache/store.js';
import { type Diagnostic } from './diagnostics.js';
import { ValidatorCompiler } from './emit/standalone-validators.js';
import type { ProjectInputs } from './load/discover.js';
import { type GenerateResult, type ResolvedOptions } from './options.js';
import { Workers } from './parallel/workers.js';
/** Times `run` under `stage` (until its promise settles, for async work). */
export type Timer = <T>(stage: string, run: () => T) => T;
/** The specs, loaded and checked, with adapters bound: everything before emitting. */
export interface CheckedProject {
    readonly model: CheckedModel;
    readonly diagnostics: Diagnostic[];
    readonly sourceText: (file: string) => string | undefined;
    readonly specFiles: readonly string[];
    readonly adapterFiles: readonly string[];
    /** Cache entries for this run's spec files (those that loaded without errors). */
    readonly specFileData: Record<string, CachedSpecFile>;
    /** Content hash of every input file read: spec files, what they import, adapters. */
    readonly inputs: ReadonlyMap<string, string>;
}
export declare function loadAndCheck(options: ResolvedOptions, inputs: ProjectInputs, cache?: CacheData, time?: Timer, validators?: ValidatorCompiler, workers?: Workers, knownHashes?: Map<string, string | undefined>): Promise<CheckedProject>;
export interface PipelineOutcome {
    readonly result: GenerateResult;
    /** What the next run may reuse; absent when this run must not be trusted (errors). */
    readonly cache?: Omit<CacheData, 'format'>;
}
/** `inputHashes`: content hashes of input files read by the caller already (this run's, not the cache's). */
export declare function runPipeline(options: ResolvedOptions, inputs: ProjectInputs, cache: CacheData | undefined, tool: string, timings: Record<string, number>, inputHashes?: Map<string, string | undefined>): Promise<PipelineOutcome>;
//# sourceMappingURL=pipeline.d.ts.map