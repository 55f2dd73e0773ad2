/**
 * What the build cache records. It is an optimisation only: a cache that does not have exactly
 * this shape, or whose content does not match its digest (a file edited by hand, truncated by a
 * crash, written by another version), is ignored and rebuilt, never trusted.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { AdapterBinding } from '../load/adapters.js';
import type { ListedSpec } from '../options.js';
import type { SpecSummary } from '../plan/model.js';
import { compareStrings, isRecord } from '../values.js';

export const CACHE_FORMAT = 9;

/**
 * What an output looked like on disk after the run: its content hash, size, and nanosecond
 * modification and change times. A file whose size and times are unchanged was not rewritten
 * (ctime moves on any write, and no tool can set it back), so its content is not read again.
 */
export type OutputStamp = readonly [hash: string, size: number, mtimeNs: string, ctimeNs: string];

export interface CachedSpecFile {
  /** Every input its result depends on (SpecFileResult.deps): files by the hash of the bytes parsed, resolver lookups by input state. */
  readonly deps: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
  readonly summaries: readonly SpecSummary[];
  readonly brokenCapabilities: readonly string[];
  /** SpecFileResult.keys. */
  readonly keys: readonly (string | null)[];
  readonly secrets: readonly string[];
  /** The output paths of its specs' files. */
  readonly outputs: readonly string[];
  /** For integrations: the fingerprint of the capabilities and adapters they were made with. */
  readonly context?: string;
}

export interface CachedAdapters {
  readonly deps: Readonly<Record<string, string>>;
  readonly adapters: readonly AdapterBinding[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface CacheData {
  readonly format: number;
  /** Fingerprint of the generator, its templates and the options. */
  readonly tool: string;
  /** Spec files and adapter files as discovered, in order. `specs` is keyed `kind:file`. */
  readonly specFiles: readonly string[];
  readonly adapterFiles: readonly string[];
  /** Content hash of every input: every listed spec file (one that defines no spec too), what spec files import, adapter files, spec packages' package.json. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The stat each input was read at, for those read well after their last change (fs/input-state.ts): the next run reads only those whose stat moved. */
  readonly inputStats: Readonly<Record<string, string>>;
  readonly specs: Readonly<Record<string, CachedSpecFile>>;
  readonly adapters?: CachedAdapters;
  /** Fingerprint of the plan of each project file (client, docs, registry, ...). */
  readonly jobs: Readonly<Record<string, string>>;
  /** Every output after the run, by emitted path. */
  readonly outputs: Readonly<Record<string, OutputStamp>>;
  /** What the run reported, for a run that finds nothing changed. */
  readonly result: { readonly specs: readonly ListedSpec[]; readonly diagnostics: readonly Diagnostic[] };
}

/**
 * The cache as its file holds it: every input once, sorted by path, with its state (and the stat it
 * was read at, when there is one); each spec file's and the adapters' inputs as indexes into that
 * list. Each spec file's inputs are most of the cache (the same resolver lookups again and again),
 * and reading and writing the file is a fixed cost of every run.
 */
type CacheFile = Omit<CacheData, 'inputs' | 'inputStats' | 'specs' | 'adapters'> & {
  readonly inputs: readonly (readonly [path: string, state: string, stat?: string])[];
  readonly specs: Readonly<Record<string, Omit<CachedSpecFile, 'deps'> & { readonly deps: readonly number[] }>>;
  readonly adapters?: Omit<CachedAdapters, 'deps'> & { readonly deps: readonly number[] };
};

/** The cache file's content; undefined when an input's recorded state is not the one in `inputs` (nothing to write then: it would not hold). */
export function cacheFileContent(data: Omit<CacheData, 'format'>): CacheFile | undefined {
  const paths = Object.keys(data.inputs).sort(compareStrings);
  const index = new Map(paths.map((path, i) => [path, i]));
  let consistent = true;
  const indexes = (deps: Readonly<Record<string, string>>) =>
    Object.entries(deps).map(([path, state]) => {
      const at = index.get(path);
      if (at === undefined || data.inputs[path] !== state) consistent = false;
      return at ?? -1;
    });
  const { inputs, inputStats, specs, adapters, ...rest } = data;
  const file: CacheFile = {
    ...rest,
    format: CACHE_FORMAT,
    inputs: paths.map((path) => (Object.hasOwn(inputStats, path) ? [path, inputs[path]!, inputStats[path]!] : [path, inputs[path]!])),
    specs: Object.fromEntries(Object.entries(specs).map(([key, entry]) => [key, { ...entry, deps: indexes(entry.deps) }])),
    adapters: adapters && { ...adapters, deps: indexes(adapters.deps) },
  };
  return consistent ? file : undefined;
}

/** The cache a file's content holds, or undefined when it does not have exactly the cache's shape, down to the parts a run reads without further checks. */
export function cacheDataOf(content: unknown): CacheData | undefined {
  if (!isCacheFile(content)) return undefined;
  const inputs: Record<string, string> = {};
  const inputStats: Record<string, string> = {};
  for (const [path, state, stat] of content.inputs) {
    inputs[path] = state;
    if (stat !== undefined) inputStats[path] = stat;
  }
  const deps = (indexes: readonly number[]) => Object.fromEntries(indexes.map((i) => content.inputs[i]!.slice(0, 2) as [string, string]));
  return {
    ...content,
    format: CACHE_FORMAT,
    inputs,
    inputStats,
    specs: Object.fromEntries(Object.entries(content.specs).map(([key, entry]) => [key, { ...entry, deps: deps(entry.deps) }])),
    adapters: content.adapters && { ...content.adapters, deps: deps(content.adapters.deps) },
  };
}

function isCacheFile(data: unknown): data is CacheFile {
  if (!isRecord(data) || data.format !== CACHE_FORMAT || typeof data.tool !== 'string') return false;
  if (!isStringList(data.specFiles) || !isStringList(data.adapterFiles) || !isStringRecord(data.jobs)) return false;
  if (!Array.isArray(data.inputs) || !data.inputs.every((entry) => Array.isArray(entry) && (entry.length === 2 || entry.length === 3) && entry.every((part) => typeof part === 'string'))) return false;
  const isDeps = (deps: unknown) => Array.isArray(deps) && deps.every((i) => Number.isInteger(i) && i >= 0 && i < (data.inputs as unknown[]).length);
  if (!isRecord(data.outputs) || !Object.values(data.outputs).every(isStamp)) return false;
  if (!isRecord(data.specs) || !Object.values(data.specs).every((entry) => isCachedSpecFile(entry) && isDeps(entry.deps))) return false;
  if (data.adapters !== undefined && !(isRecord(data.adapters) && isDeps(data.adapters.deps) && Array.isArray(data.adapters.adapters) && Array.isArray(data.adapters.diagnostics))) return false;
  return isRecord(data.result) && Array.isArray(data.result.specs) && Array.isArray(data.result.diagnostics);
}

function isCachedSpecFile(entry: unknown): entry is Record<string, unknown> {
  return (
    isRecord(entry) &&
    Array.isArray(entry.diagnostics) &&
    Array.isArray(entry.summaries) &&
    entry.summaries.every((s) => isRecord(s) && typeof s.key === 'string' && isRecord(s.positions) && (s.parts === undefined || isRecord(s.parts)) && (s.kind === 'integration' ? Array.isArray(s.provides) : s.kind === 'capability')) &&
    isStringList(entry.brokenCapabilities) &&
    Array.isArray(entry.keys) &&
    entry.keys.every((key) => key === null || typeof key === 'string') &&
    isStringList(entry.secrets) &&
    isStringList(entry.outputs) &&
    (entry.context === undefined || typeof entry.context === 'string')
  );
}

function isStamp(stamp: unknown): stamp is OutputStamp {
  return Array.isArray(stamp) && stamp.length === 4 && typeof stamp[0] === 'string' && typeof stamp[1] === 'number' && typeof stamp[2] === 'string' && typeof stamp[3] === 'string';
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
}
