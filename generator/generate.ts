/**
 * `generate`: the programmatic API, and what the CLI runs. When the cache says no input changed
 * and every output is still as written, it answers without loading the pipeline at all; otherwise
 * the pipeline runs, reusing what it can (generator/pipeline/).
 */
import { dirname, join } from 'node:path';
import { cacheFile, InputHashes, readCache, stampHolds, toolFingerprint, writeCache, type CacheData } from './cache/index.js';
import { discoverInputs, type ProjectInputs } from './load/discover.js';
import { maskedSourceText } from './report/mask.js';
import { absoluteOutputPath, resolveOptions, type GenerateOptions, type GenerateResult, type ResolvedOptions } from './options.js';

export type { FileStatus, GenerateMode, GenerateOptions, GenerateResult, ListedSpec } from './options.js';

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  const timings: Record<string, number> = {};
  const discoverStart = performance.now();
  const inputs = discoverInputs(resolved);
  timings.discover = performance.now() - discoverStart;
  const cacheStart = performance.now();
  const file = cacheFile(resolved);
  const tool = toolFingerprint(resolved);
  // Without the cache the run starts from scratch, and still leaves a cache for the next one.
  const read = resolved.cache ? readCache(file) : undefined;
  const cache = read?.tool === tool ? read : undefined;
  const upToDate = cache && unchangedResult(resolved, inputs, cache);
  timings.cache = performance.now() - cacheStart;
  if (upToDate) return { ...upToDate, timings };

  const { runPipeline } = await import('./pipeline/index.js');
  const outcome = await runPipeline(resolved, inputs, cache, tool, timings, file && join(dirname(file), 'staging'));
  if (outcome.cache && outcome.result.ok && resolved.mode !== 'validate') writeCache(file, outcome.cache);
  return outcome.result;
}

/** The previous run's result, if no input changed and every output is still as that run left it. */
function unchangedResult(options: ResolvedOptions, inputs: ProjectInputs, cache: CacheData): Omit<GenerateResult, 'timings'> | undefined {
  if (inputs.diagnostics.length > 0 || !sameList(inputs.specFiles, cache.specFiles) || !sameList(inputs.adapterFiles, cache.adapterFiles)) return undefined;
  if (!new InputHashes().unchanged(cache.inputs)) return undefined;
  const outputs = Object.keys(cache.outputs);
  if (options.mode !== 'validate' && !outputs.every((path) => stampHolds(absoluteOutputPath(options, path), cache.outputs[path]!))) return undefined;
  return {
    ok: true,
    diagnostics: cache.result.diagnostics,
    specs: cache.result.specs,
    files: options.mode === 'validate' ? [] : outputs.map((path) => ({ path, status: 'unchanged' as const })),
    sourceText: maskedSourceText(new Set(Object.values(cache.specs).flatMap((entry) => entry.secrets))),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
