/**
 * What a run may take from the previous one (the build cache, cache/), and what it leaves for the
 * next: a spec file's result is reused when every input it was made from is byte-identical, its
 * context (for an integration) is the same, and its outputs are still on disk as written.
 */
import { InputHashes, stampOf, type CacheData, type CachedAdapters, type CachedSpecFile, type OutputStamp } from '../cache/index.js';
import type { ProjectInputs } from '../load/discover.js';
import type { SpecKind } from '../load/model.js';
import type { FileStatus, GenerateResult } from '../options.js';
import type { SpecSummary } from '../plan/model.js';
import { compareStrings, sameList, sha1 } from '../values.js';
import type { OutputSession } from '../write/write.js';
import type { AdapterScan, IntegrationContext, SpecFileResult } from './spec-file.js';

/** One spec file's part of the run, for one kind of spec: processed now, or taken from the cache. */
export type FileOutcome = Omit<SpecFileResult, 'files' | 'timings'> & { readonly outputs: readonly string[]; readonly context?: string };

export function cacheKey(kind: SpecKind, file: string): string {
  return `${kind}:${file}`;
}

/**
 * What an integration file's results depend on besides its own bytes: the capabilities its
 * integrations provide (their summaries), every capability key (an unknown one's hint names the
 * closest), the broken ones, and the adapters bound to its keys. Each capability is fingerprinted
 * once per run.
 */
export function contextFingerprints(context: IntegrationContext): (summaries: readonly SpecSummary[]) => string {
  const capabilities = new Map(context.capabilities.map((c) => [c.key, sha1(JSON.stringify(c))]));
  const shared = sha1(JSON.stringify([[...capabilities.keys()], context.broken]));
  return (summaries) => {
    const used = summaries.flatMap((s) => (s.kind === 'integration' ? s.provides.map((ref) => capabilities.get(ref.key) ?? null) : []));
    const adapters = summaries.map((s) => (Object.hasOwn(context.adapters, s.key) ? context.adapters[s.key] : null));
    return sha1(JSON.stringify([shared, used, adapters]));
  };
}

/** A cached result whose inputs are byte-identical, whose context matches, and whose outputs are still on disk as written. */
export function reusableFile(entry: CachedSpecFile | undefined, context: string | undefined, hashes: InputHashes, outputHolds: (path: string) => boolean): CachedSpecFile | undefined {
  if (!entry || entry.context !== context || !hashes.unchanged(entry.deps)) return undefined;
  return entry.outputs.every(outputHolds) ? entry : undefined;
}

/** The adapters found by the previous run, when the adapter files are the same and unchanged. */
export function reusableAdapters(cache: CacheData | undefined, inputs: ProjectInputs, hashes: InputHashes): CachedAdapters | undefined {
  return cache?.adapters && sameList(cache.adapterFiles, inputs.adapterFiles) && hashes.unchanged(cache.adapters.deps) ? cache.adapters : undefined;
}

/** Spec files whose results cannot be reused (an estimate: an integration's context is known only later): what decides on worker threads. */
export function filesToProcess(files: readonly string[], kinds: ReadonlyMap<string, readonly SpecKind[]>, cache: CacheData | undefined, hashes: InputHashes): string[] {
  return files.filter((file) => kinds.get(file)!.some((kind) => !hashes.unchanged(cache?.specs[cacheKey(kind, file)]?.deps ?? { [file]: '' })));
}

/**
 * Each output's stamp after the run. A kept output's stamp held moments ago (a change since moves
 * its ctime, and the next run compares content); any other output was just compared or written:
 * stamped as it is now.
 */
export function outputStamps(statuses: readonly { path: string; status: FileStatus }[], cache: CacheData | undefined, output: OutputSession, kept: ReadonlySet<string>): Record<string, OutputStamp> {
  const outputs: Record<string, OutputStamp> = {};
  for (const { path, status } of statuses) {
    if (status === 'removed') continue;
    const previous = cache?.outputs[path];
    const stamp = previous && kept.has(path) ? previous : stampOf(output.absolute(path), output.hashes.get(path)!);
    if (stamp) outputs[path] = stamp;
  }
  return outputs;
}

export function cacheData(
  tool: string,
  hashes: InputHashes,
  inputs: ProjectInputs,
  specFiles: Readonly<Record<string, string>>,
  files: readonly FileOutcome[],
  adapters: AdapterScan,
  jobs: Readonly<Record<string, string>>,
  outputs: Record<string, OutputStamp>,
  done: GenerateResult,
): Omit<CacheData, 'format'> {
  const allInputs: Record<string, string> = { ...specFiles, ...adapters.deps };
  for (const pkg of inputs.packages) allInputs[pkg.manifest] = pkg.manifestHash;
  const specs: Record<string, CachedSpecFile> = {};
  for (const { file, kind, ...entry } of files) {
    Object.assign(allInputs, entry.deps);
    specs[cacheKey(kind, file)] = entry;
  }
  const inputStats: Record<string, string> = {};
  for (const [path, state] of Object.entries(allInputs)) {
    const stat = hashes.statOf(path, state);
    if (stat !== undefined) inputStats[path] = stat;
  }
  return {
    tool,
    specFiles: inputs.specFiles,
    adapterFiles: inputs.adapterFiles,
    inputs: sortedRecord(allInputs),
    inputStats,
    specs,
    adapters: { deps: adapters.deps, adapters: adapters.adapters, diagnostics: adapters.diagnostics },
    jobs,
    outputs,
    result: { specs: done.specs, diagnostics: done.diagnostics },
  };
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}
