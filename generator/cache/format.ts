/**
 * What the build cache records. It is an optimisation only: a cache that does not have exactly
 * this shape, or whose content does not match its digest (a file edited by hand, truncated by a
 * crash, written by another version), is ignored and rebuilt, never trusted.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { AdapterBinding } from '../load/adapters.js';
import type { ListedSpec } from '../options.js';
import type { SpecSummary } from '../plan/model.js';
import { isRecord } from '../values.js';

export const CACHE_FORMAT = 8;

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
  readonly specs: Readonly<Record<string, CachedSpecFile>>;
  readonly adapters?: CachedAdapters;
  /** Fingerprint of the plan of each project file (client, docs, registry, ...). */
  readonly jobs: Readonly<Record<string, string>>;
  /** Every output after the run, by emitted path. */
  readonly outputs: Readonly<Record<string, OutputStamp>>;
  /** What the run reported, for a run that finds nothing changed. */
  readonly result: { readonly specs: readonly ListedSpec[]; readonly diagnostics: readonly Diagnostic[] };
}

/** Whether `data` has the cache's shape, down to the parts a run reads without further checks. */
export function isCacheData(data: unknown): data is CacheData {
  if (!isRecord(data) || data.format !== CACHE_FORMAT || typeof data.tool !== 'string') return false;
  if (!isStringList(data.specFiles) || !isStringList(data.adapterFiles)) return false;
  if (!isStringRecord(data.inputs) || !isStringRecord(data.jobs)) return false;
  if (!isRecord(data.outputs) || !Object.values(data.outputs).every(isStamp)) return false;
  if (!isRecord(data.specs) || !Object.values(data.specs).every(isCachedSpecFile)) return false;
  if (data.adapters !== undefined && !(isRecord(data.adapters) && isStringRecord(data.adapters.deps) && Array.isArray(data.adapters.adapters) && Array.isArray(data.adapters.diagnostics))) return false;
  return isRecord(data.result) && Array.isArray(data.result.specs) && Array.isArray(data.result.diagnostics);
}

function isCachedSpecFile(entry: unknown): entry is CachedSpecFile {
  return (
    isRecord(entry) &&
    isStringRecord(entry.deps) &&
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
