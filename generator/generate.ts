/**
 * `generate`: the programmatic API, and what the CLI runs. When the cache says no input changed
 * and every output is still as written, it answers without loading the pipeline at all; otherwise
 * the pipeline runs, reusing what it can (generator/pipeline.ts).
 */
import { readFileSync } from 'node:fs';
import { cacheFile, hashFiles, outputsIntact, readCache, toolFingerprint, writeCache, type CacheData } from './cache/store.js';
import { discoverInputs, type ProjectInputs } from './load/discover.js';
import { collectSecretValues, maskSecrets, secretExampleOf } from './report/mask.js';
import type { Diagnostic } from './diagnostics.js';
import { absoluteOutputPath, outputTargets, resolveOptions, type GenerateOptions, type GenerateResult, type ResolvedOptions } from './options.js';
import { OutputBlockedError } from './write/blocked.js';
import { foldersWithRunFolder, outputFolders } from './write/run-folder.js';

export type { FileStatus, GenerateMode, GenerateOptions, GenerateResult, SpecSummary } from './options.js';

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  const timings: Record<string, number> = {};
  const start = performance.now();
  // What a killed run left, or a run writing the folders now: one stat per output folder finds
  // out, and the code that deals with it loads only then.
  const folders = outputFolders(outputTargets(resolved));
  if (resolved.mode !== 'validate' && foldersWithRunFolder(folders).length > 0) {
    const { settleInterruptedRuns } = await import('./write/recover.js');
    const blocked = await settleInterruptedRuns(folders, resolved.mode);
    if (blocked.length > 0) return failedRun(blocked, timings);
  }
  const file = cacheFile(resolved);
  // Without the cache the run starts from scratch, and still leaves a cache for the next one.
  const cache = resolved.cache ? readCache(file) : undefined;
  const tool = toolFingerprint(resolved);
  // Input hashes computed here are handed on, so a run that goes on to the pipeline reads each input once.
  const inputHashes = new Map<string, string | undefined>();
  const discoverStart = performance.now();
  const inputs = discoverInputs(resolved);
  timings.discover = performance.now() - discoverStart;
  const upToDate = cache && cache.tool === tool ? unchangedResult(resolved, inputs, cache, inputHashes) : undefined;
  timings.cache = performance.now() - start - timings.discover;
  if (upToDate) return { ...upToDate, timings };

  const { runPipeline } = await import('./pipeline.js');
  let outcome;
  try {
    outcome = await runPipeline(resolved, inputs, cache?.tool === tool ? cache : undefined, tool, timings, inputHashes);
  } catch (error) {
    if (error instanceof OutputBlockedError) return failedRun([error.diagnostic], timings);
    throw error;
  }
  if (outcome.cache && outcome.result.ok && resolved.mode !== 'validate') writeCache(file, outcome.cache);
  return outcome.result;
}

/** The previous run's result, if no input changed and every output is still as that run left it. */
function unchangedResult(options: ResolvedOptions, inputs: ProjectInputs, cache: CacheData, inputHashes: Map<string, string | undefined>): Omit<GenerateResult, 'timings'> | undefined {
  if (inputs.diagnostics.length > 0 || !sameList(inputs.specFiles, cache.specFiles) || !sameList(inputs.adapterFiles, cache.adapterFiles)) return undefined;
  for (const [input, hash] of hashFiles(Object.keys(cache.inputs))) inputHashes.set(input, hash);
  for (const [input, hash] of inputHashes) if (hash !== cache.inputs[input]) return undefined;
  const outputs = Object.keys(cache.outputs);
  if (options.mode !== 'validate' && !outputsIntact(outputs, (path) => absoluteOutputPath(options, path), cache.outputs)) return undefined;
  let secrets: Set<string> | undefined;
  return {
    ok: true,
    diagnostics: cache.result.diagnostics,
    specs: cache.result.specs,
    files: options.mode === 'validate' ? [] : outputs.map((path) => ({ path, status: 'unchanged' as const })),
    sourceText: (path) => {
      if (!secrets) {
        secrets = new Set<string>();
        for (const entry of Object.values(cache.specFileData)) for (const spec of entry.specs) collectSecretValues(secretExampleOf(spec.value), secrets);
      }
      try {
        return maskSecrets(readFileSync(path, 'utf8'), secrets);
      } catch {
        return undefined;
      }
    },
  };
}

/** A run stopped before it read anything: the output folders are locked, or a killed run's leftovers stand in the way. */
function failedRun(diagnostics: Diagnostic[], timings: Record<string, number>): GenerateResult {
  return { ok: false, diagnostics, specs: [], files: [], timings, sourceText: () => undefined };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
