/**
 * `generate`: the programmatic API, and what the CLI runs. Its options are made as the CLI makes
 * them (config/resolve.ts: the project's config file included). When the cache says no input
 * changed and every output is still as written, it answers without loading the pipeline at all;
 * otherwise the pipeline runs, reusing what it can (generator/pipeline/).
 */
import { cacheFile, cacheName, InputHashes, outputCheck, readCache, toolFingerprint, writeCache, type CacheData, type OutputStamp, type TrustedOutput, type WarmState } from './cache/index.js';
import type { Diagnostic } from './diagnostics/index.js';
import { discoverInputs, type ProjectInputs } from './load/discover.js';
import { ConfigError } from './config/error.js';
import { resolveOptions } from './config/resolve.js';
import { outputTargets, type GenerateOptions, type GenerateResult, type ResolvedOptions } from './options.js';
import { KnownInputStates } from './fs/input-state.js';
import { isInsideFolder } from './fs/inside.js';
import { readRegularFile } from './fs/read-input.js';
import { maskedSourceText } from './report/mask.js';
import { OutputBlockedError } from './write/blocked.js';
import { outputFolderProblem, OutputPaths, refusedPath } from './fs/output-path.js';
import { foldersWithRunFolder, outputFolders } from './fs/run-folder.js';
import { Profiler } from './profiler.js';
import { sameList } from './values.js';

export type { FileStatus, GenerateMode, GenerateOptions, GenerateResult, ListedSpec } from './options.js';

/** A config file that cannot be used, or an option that is wrong, is a failed result (CG160), not an exception. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  let resolved: ResolvedOptions;
  try {
    resolved = await resolveOptions(options);
  } catch (error) {
    if (error instanceof ConfigError) return failedRun([error.diagnostic], {}, []);
    throw error;
  }
  return generateResolved(resolved);
}

/**
 * A run with its options resolved already (the CLI resolves them first: it reports where they came
 * from). `warm`: what the runs of a watch process keep between them (cache/warm.ts); the run then
 * leaves its cache there, and the watch writes it to its file once the run has been reported.
 */
export async function generateResolved(resolved: ResolvedOptions, warm?: WarmState): Promise<GenerateResult> {
  const profiler = new Profiler();
  const { timings } = profiler;
  // What a killed run left, or a run writing the folders now: one stat per output folder finds
  // out, and the code that deals with it loads only then.
  const folders = outputFolders(outputTargets(resolved));
  if (resolved.mode !== 'validate') {
    // The output folders, the folders above them in the project and their run folders must be real
    // folders before anything reads or writes in them (fs/output-path.ts).
    const refused = folders.map((folder) => outputFolderProblem(folder, resolved.root)).filter((problem) => problem !== undefined);
    if (refused.length > 0) return failedRun(refused.map((problem) => refusedPath(problem)), timings, folders);
  }
  if (resolved.mode !== 'validate' && foldersWithRunFolder(folders).length > 0) {
    const { settleInterruptedRuns } = await import('./write/recover.js');
    const blocked = await settleInterruptedRuns(folders, resolved.mode);
    if (blocked.length > 0) return failedRun(blocked, timings, folders);
  }
  const paths = new OutputPaths(outputTargets(resolved));
  // A watch process knows which outputs no one changed since its last run (cache/watched-outputs.ts).
  const trusted = warm?.outputs?.begin(folders);
  /** The outputs' stamps when the run ends with its outputs as the cache records them. */
  let settled: Readonly<Record<string, OutputStamp>> | undefined;
  try {
    const inputs = profiler.time('discover', () => discoverInputs(resolved));
    const { file, name, tool, cache, hashes, upToDate } = profiler.time('cache', () => {
      const file = cacheFile(resolved);
      const name = cacheName(resolved);
      const known = warm?.inputs ?? new KnownInputStates();
      const hashes = new InputHashes(known);
      const tool = toolFingerprint(resolved, hashes);
      // Without the cache the run starts from scratch, and still leaves a cache for the next one. The
      // inputs' states the cache file records spare reading the inputs whose stat has not moved.
      const fromFile = () => {
        const read = readCache(file);
        if (read?.tool === tool) known.adopt(read.inputs, read.inputStats);
        return read;
      };
      const read = resolved.cache ? (warm ? warm.cache(name, fromFile) : fromFile()) : undefined;
      const cache = read?.tool === tool ? read : undefined;
      return { file, name, tool, cache, hashes, upToDate: cache && unchangedResult(resolved, inputs, cache, hashes, paths, trusted) };
    });
    if (upToDate) {
      settled = cache!.outputs;
      return { ...upToDate, timings };
    }

    const { runPipeline } = await import('./pipeline/index.js');
    let outcome;
    try {
      outcome = await runPipeline(resolved, inputs, cache, tool, profiler, hashes, warm, trusted);
    } catch (error) {
      if (error instanceof OutputBlockedError) return failedRun([error.diagnostic], timings, folders);
      throw error;
    }
    if (outcome.cache && outcome.result.ok && resolved.mode !== 'validate') {
      if (warm) warm.keep(name, file, outcome.cache);
      else writeCache(file, outcome.cache);
      settled = outcome.cache.outputs;
    }
    return outcome.result;
  } finally {
    warm?.outputs?.end(settled);
  }
}

/** The previous run's result, if no input changed and every output is still as that run left it. */
function unchangedResult(options: ResolvedOptions, inputs: ProjectInputs, cache: CacheData, hashes: InputHashes, paths: OutputPaths, trusted: TrustedOutput | undefined): Omit<GenerateResult, 'timings'> | undefined {
  if (inputs.diagnostics.length > 0 || !sameList(inputs.specFiles, cache.specFiles) || !sameList(inputs.adapterFiles, cache.adapterFiles)) return undefined;
  if (!hashes.unchanged(cache.inputs)) return undefined;
  const outputs = Object.keys(cache.outputs);
  // Every output where the writer may touch it and as the cache recorded it.
  if (options.mode !== 'validate' && !outputs.every(outputCheck(cache.outputs, paths, trusted))) return undefined;
  return {
    ok: true,
    diagnostics: cache.result.diagnostics,
    specs: cache.result.specs,
    files: options.mode === 'validate' ? [] : outputs.map((path) => ({ path, status: 'unchanged' as const })),
    sourceText: maskedSourceText(new Set(Object.values(cache.specs).flatMap((entry) => entry.secrets)), inputs.boundary),
  };
}

/**
 * A run stopped before it read anything: the output folders are locked, or what they hold stands in
 * the way (a killed run's leftovers, a journal or a path the writer refuses). Code frames may show
 * the journal a diagnostic points at: read as a regular file, from inside the output folders only.
 */
function failedRun(diagnostics: Diagnostic[], timings: Record<string, number>, folders: readonly string[]): GenerateResult {
  const sourceText = (file: string) => {
    if (!folders.some((folder) => isInsideFolder(file, folder))) return undefined;
    try {
      return readRegularFile(file, { noFollow: true }).toString('utf8');
    } catch {
      return undefined;
    }
  };
  return { ok: false, diagnostics, specs: [], files: [], timings, sourceText };
}
