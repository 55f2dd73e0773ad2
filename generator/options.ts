/** Options and results of a run. Kept free of heavy imports: the CLI and the cache fast path load it. */
import type { ContractgenConfig, ResolvedConfig } from './config/options.js';
import type { Diagnostic } from './diagnostics/index.js';

/** The module spec files import the define functions from. */
export const SPEC_MODULE = 'contractgen/spec';

export type GenerateMode = 'write' | 'check' | 'validate';

/**
 * How a run goes, besides the project options (config/options.ts): which project, which config
 * file, and what the run does with the output.
 */
export interface RunSettings {
  /**
   * The project folder: relative paths are resolved against it, and docs and headers show paths
   * relative to it; its config file is read unless `config` says otherwise. Default: the nearest
   * folder, from the working directory up, that has a config file or a package.json.
   */
  readonly root?: string;
  /**
   * The config file to read (relative to the working directory; without `root`, its folder is the
   * project), or false to read none. Default: `contractgen.config.{ts,mjs,json}` in the project folder.
   */
  readonly config?: string | false;
  /** write: generate into `out`; check: compare only (drift is an error); validate: load and check specs only. */
  readonly mode?: GenerateMode;
  /**
   * Reuse work from the previous run for inputs whose content has not changed (default true; false
   * starts from scratch but still records a cache for the next run). The cache lives in
   * node_modules/.cache/contractgen; every reused output is verified on disk first.
   */
  readonly cache?: boolean;
  /**
   * Worker threads for the per-spec work (rules and emitting). Default: one per core but one (up to 4) for
   * runs with many specs to process, none for small or incremental runs; 0 keeps everything in
   * this thread. Output is the same either way.
   */
  readonly workers?: number;
  /**
   * For a progress line: called with 0 done when the work on spec files starts (not at all when
   * the cache answers the run), then each time a spec file is done (processed or reused).
   */
  readonly onProgress?: (progress: Progress) => void;
}

/** What `generate()` takes: the project options (over those of the config file) and the run settings. */
export type GenerateOptions = ContractgenConfig & RunSettings;

/** How far a run is: spec files done (processed or reused) out of those it has. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

export type FileStatus = 'written' | 'unchanged' | 'removed' | 'missing' | 'drifted' | 'stale';

/** A spec as `list` and the JSON reporter show it. */
export interface ListedSpec {
  readonly kind: 'integration' | 'capability';
  readonly key: string;
  readonly version: string;
  readonly file: string;
}

export interface GenerateResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly specs: readonly ListedSpec[];
  readonly files: readonly { path: string; status: FileStatus }[];
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>;
  /** Text of a source file for code frames (secret examples masked). */
  readonly sourceText: (file: string) => string | undefined;
}

/** A run's options, resolved once (config/resolve.ts): every project option with its value, every path absolute. */
export interface ResolvedOptions extends ResolvedConfig {
  readonly root: string;
  /** Why `root` is the project, in words: a diagnostic about a folder the project lacks names it (CG103). */
  readonly rootReason: string;
  /** The config file the options came from, if any (diagnostics about `packages` point at it). */
  readonly configFile?: string;
  /** The specs folder was named (not the default), so it must exist even when packages bring specs. */
  readonly specsNamed: boolean;
  readonly mode: GenerateMode;
  readonly cache: boolean;
  readonly workers: number | 'auto';
  readonly onProgress?: (progress: Progress) => void;
}

/** The output folders and which emitted paths each receives (docs first, when they have their own). */
export function outputTargets(options: ResolvedOptions): { prefix: string; dir: string }[] {
  return options.docsOut ? [{ prefix: 'docs/', dir: options.docsOut }, { prefix: '', dir: options.out }] : [{ prefix: '', dir: options.out }];
}
