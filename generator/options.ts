/** Options and results of a run. Kept free of heavy imports: the CLI and the cache fast path load it. */
import { join, resolve } from 'node:path';
import type { ArtifactToggles } from './config/config.js';
import type { Diagnostic } from './diagnostics/index.js';

/** The package generated code imports at run time, and the one spec files import. */
export const RUNTIME_PACKAGE = '@contractgen/runtime';
export const SPEC_MODULE = 'contractgen/spec';

export type GenerateMode = 'write' | 'check' | 'validate';

export interface GenerateOptions {
  /** Project root: relative paths below are resolved against it; docs and headers show paths relative to it. */
  readonly root?: string;
  /**
   * Why `root` is the project, in words (the CLI: the nearest folder with a config file or a
   * package.json); a diagnostic about a folder the project lacks names it (CG103).
   */
  readonly rootReason?: string;
  /** The config file the options came from, if any (diagnostics about `packages` point at it). */
  readonly configFile?: string;
  /** Folder of spec files (default `specs`, which may be missing when `packages` bring specs; a folder named here must exist). */
  readonly specs?: string;
  readonly out?: string;
  /** Folder of hand-written adapters bound to the generated clients (default `adapters`). */
  readonly adapters?: string;
  /** Folders of template overrides, applied over the built-in templates in order. */
  readonly templates?: readonly string[];
  /** Where docs go (default `<out>/docs`). Reported file paths keep the `docs/` prefix either way. */
  readonly docsOut?: string;
  /** Artifacts to switch off, e.g. `{ docs: false }`. */
  readonly artifacts?: ArtifactToggles;
  /** write: generate into `out`; check: compare only (drift is an error); validate: load and check specs only. */
  readonly mode?: GenerateMode;
  /** The runtime package generated code runs on (default `@contractgen/runtime`). */
  readonly runtimeImport?: string;
  /** Installed packages whose specs and adapters are generated like local ones (their package.json `contractgen` field). */
  readonly packages?: readonly string[];
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
  /** A run that finds no spec is an error (CG108: it would remove every generated file) unless this is true. */
  readonly allowEmpty?: boolean;
  /**
   * For a progress line: called with 0 done when the work on spec files starts (not at all when
   * the cache answers the run), then each time a spec file is done (processed or reused).
   */
  readonly onProgress?: (progress: Progress) => void;
}

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

export interface ResolvedOptions {
  readonly root: string;
  readonly rootReason: string;
  readonly configFile?: string;
  readonly specsDir: string;
  /** The specs folder was named (not the default), so it must exist even when packages bring specs. */
  readonly specsNamed: boolean;
  readonly outDir: string;
  readonly adaptersDir: string;
  readonly docsOutDir?: string;
  readonly templateDirs: readonly string[];
  readonly artifacts?: ArtifactToggles;
  readonly runtimeImport: string;
  readonly packages: readonly string[];
  readonly mode: GenerateMode;
  readonly cache: boolean;
  readonly workers: number | 'auto';
  readonly allowEmpty: boolean;
  readonly onProgress?: (progress: Progress) => void;
}

export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const root = resolve(options.root ?? process.cwd());
  return {
    root,
    rootReason: options.rootReason ?? (options.root === undefined ? 'the working directory' : 'the root option'),
    configFile: options.configFile,
    specsDir: resolve(root, options.specs ?? 'specs'),
    specsNamed: options.specs !== undefined,
    outDir: resolve(root, options.out ?? 'generated'),
    adaptersDir: resolve(root, options.adapters ?? 'adapters'),
    docsOutDir: options.docsOut === undefined ? undefined : resolve(root, options.docsOut),
    templateDirs: (options.templates ?? []).map((dir) => resolve(root, dir)),
    artifacts: options.artifacts,
    runtimeImport: options.runtimeImport ?? RUNTIME_PACKAGE,
    packages: options.packages ?? [],
    mode: options.mode ?? 'write',
    cache: options.cache ?? true,
    workers: options.workers ?? 'auto',
    allowEmpty: options.allowEmpty ?? false,
    onProgress: options.onProgress,
  };
}

/** The output folders and which emitted paths each receives (docs first, when they have their own). */
export function outputTargets(options: ResolvedOptions): { prefix: string; dir: string }[] {
  return options.docsOutDir ? [{ prefix: 'docs/', dir: options.docsOutDir }, { prefix: '', dir: options.outDir }] : [{ prefix: '', dir: options.outDir }];
}
