/**
 * `generate`: the programmatic API, and what the CLI runs. When the cache says no input changed
 * and every output is still as written, it answers without loading the pipeline at all; otherwise
 * the pipeline runs, reusing what it can (generator/pipeline.ts).
 */
import { cacheFile, hashFiles, outputsIntact, readCache, toolFingerprint, writeCache, type CacheData } from './cache/store.js';
import { discoverInputs, type ProjectInputs } from './load/discover.js';
import { readInputText } from './load/read-input.js';
import { collectSecretValues, maskSecrets, secretExampleOf } from './report/mask.js';
import { absoluteOutputPath, resolveOptions, type GenerateOptions, type GenerateResult, type ResolvedOptions } from './options.js';

export type { FileStatus, GenerateMode, GenerateOptions, GenerateResult, SpecSummary } from './options.js';

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  const timings: Record<string, number> = {};
  const start = performance.now();
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
  const outcome = await runPipeline(resolved, inputs, cache?.tool === tool ? cache : undefined, tool, timings, inputHashes);
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
        // Through the run's input boundary, like the loader's code frames: never a byte from outside the project.
        return maskSecrets(readInputText(path, inputs.boundary, { lossy: true }), secrets);
      } catch {
        return undefined;
      }
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
