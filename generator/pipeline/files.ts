/**
 * The spec files of a run: each processed (spec-file.ts: in this thread or on a worker) or taken
 * from the cache, as the run's tasks, with the progress they make.
 */
import { artifactFlags, BUILT_IN_TEMPLATE_DIRS, enabledArtifacts, folderModules } from '../artifacts/index.js';
import type { CacheData, CachedSpecFile, InputHashes, WarmState } from '../cache/index.js';
import type { OutputFile } from '../emit/index.js';
import { projectRoots, type ProjectInputs } from '../load/discover.js';
import type { SpecKind } from '../load/model.js';
import type { ResolvedOptions } from '../options.js';
import type { Executor } from '../parallel/executor.js';
import { RunStopped } from '../parallel/errors.js';
import { WorkerFailure } from '../parallel/pool.js';
import type { SpecSummary } from '../plan/model.js';
import { Profiler } from '../profiler.js';
import { cacheKey, contextFingerprints, type FileOutcome } from './reuse.js';
import { FILE_STAGES } from './file-stages.js';
import type { IntegrationContext, SpecFileProcessor, SpecFileResult, TaskSettings } from './spec-file.js';

/**
 * Processes (or takes from the cache) each file of one kind, in file order; files go to the
 * output as each task finishes. For integrations, what they are checked and bound against
 * (`context`, known once the capabilities are) is part of what a cached result must match.
 */
export function runFiles(
  executor: Executor,
  cache: CacheData | undefined,
  cached: (kind: SpecKind, file: string, context?: string) => CachedSpecFile | undefined,
  hashes: InputHashes,
  addFile: (file: OutputFile) => void,
  keep: (path: string, hash: string) => void,
  profiler: Profiler,
  fileDone: () => void,
) {
  return (kind: SpecKind, files: readonly string[], context?: Promise<IntegrationContext>): Promise<FileOutcome[]> => {
    const fingerprinted = context?.then(contextFingerprints);
    return Promise.all(
      files.map(async (file): Promise<FileOutcome> => {
        const previous = cache?.specs[cacheKey(kind, file)];
        // Only a file whose bytes are unchanged can be reused, and only then is its context worth waiting for.
        if (previous && hashes.unchanged(previous.deps)) {
          const fingerprint = fingerprinted && (await fingerprinted)(previous.summaries);
          const reused = cached(kind, file, fingerprint);
          if (reused) {
            for (const path of reused.outputs) keep(path, cache!.outputs[path]![0]);
            fileDone();
            return { file, kind, ...reused };
          }
        }
        const result = await executor.run({ kind: 'spec', file, specKind: kind }).catch((error: unknown) => failedFile(file, kind, error));
        for (const produced of result.files) addFile(produced);
        // Per-stage time summed over files (on worker threads, time spent in parallel).
        profiler.merge(result.timings);
        const { files: produced, timings: _timings, ...rest } = result;
        fileDone();
        return { ...rest, outputs: produced.map((f) => f.path), ...(fingerprinted && { context: (await fingerprinted)(rest.summaries) }) };
      }),
    );
  };
}

/**
 * Counts spec files done for the caller's progress line (a file that defines both kinds of spec
 * counts once per kind). It reports 0 done at once: the work starts now.
 */
export function progressOf(options: ResolvedOptions, total: number): () => void {
  const report = options.onProgress;
  if (!report) return () => {};
  let done = 0;
  report({ done, total });
  return () => report({ done: ++done, total });
}

export function summariesOf<T extends SpecSummary>(files: readonly FileOutcome[]): T[] {
  return files.flatMap((f) => f.summaries as T[]);
}

/**
 * A task that could not run: one the run was interrupted before (nothing to report: the run ends
 * in CG303), or one that killed two workers (a diagnostic naming the file, not a crash of the run).
 */
function failedFile(file: string, kind: SpecKind, error: unknown): SpecFileResult {
  const nothing = { file, kind, deps: {}, diagnostics: [], summaries: [], brokenCapabilities: [], keys: [], secrets: [], files: [], timings: new Profiler(FILE_STAGES).timings };
  if (error instanceof RunStopped) return nothing;
  if (!(error instanceof WorkerFailure)) throw error;
  return {
    ...nothing,
    // What its specs are called is as unknown as the rest.
    keys: [null],
    diagnostics: [{ code: 'CG109', severity: 'error', file, message: `could not be processed: ${error.message}`, hint: 'this is a contractgen bug or the machine ran out of memory; please report it with this file' }],
  };
}

export function taskSettings(options: ResolvedOptions, inputs: ProjectInputs, specFiles: readonly string[]): TaskSettings {
  const artifacts = enabledArtifacts(options.artifacts);
  const plan = { root: options.root, packages: inputs.packages.map(({ name, dir }) => ({ name, dir })), outDir: options.out, runtimeImport: options.runtimeImport };
  const emit =
    options.mode === 'validate'
      ? undefined
      : { templateDirs: [...BUILT_IN_TEMPLATE_DIRS, ...options.templates], runtimeImport: options.runtimeImport, artifacts: artifactFlags(artifacts), folderModules: folderModules(artifacts) };
  return { plan, artifacts, ...(emit && { emit }), specFiles, inputRoots: projectRoots(options, inputs.packages.map((p) => p.dir)) };
}

/**
 * A watch process's processor of spec files, kept while the tool and the settings stay the same: the
 * modules it parsed whose file is unchanged stay parsed, with its validators and templates.
 */
export async function keptProcessor(warm: WarmState, settings: TaskSettings, tool: string, hashes: InputHashes): Promise<SpecFileProcessor> {
  const { SpecFileProcessor } = await import('./spec-file.js');
  const processor = warm.reuse(`${tool}\u0000${JSON.stringify(settings)}`, () => new SpecFileProcessor(settings));
  processor.nextRun((file, hash) => hashes.get(file) === hash);
  return processor;
}
