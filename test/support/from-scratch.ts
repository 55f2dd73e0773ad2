/**
 * What every cached run is held to: it ends exactly like a run from scratch (`cache: false`, the
 * CLI's `--no-cache`) on a copy of the project as it was before the run. The same verdict, the same
 * diagnostics as the CLI prints them (code frames included), the same specs and file statuses, and
 * afterwards the same bytes in every file of the project (the build cache aside).
 */
import { cpSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { generate, type GenerateMode, type GenerateResult } from '../../generator/index.js';
import type { WarmState } from '../../generator/cache/index.js';
import { ConfigError } from '../../generator/config/error.js';
import { resolveOptions } from '../../generator/config/resolve.js';
import { generateResolved } from '../../generator/generate.js';
import { formatDiagnostic } from '../../generator/report/format.js';
import { fileTree, isUnder } from './file-tree.js';
import { removeDir } from './workspace.js';

/** The build cache: the one thing a cached run and a run from scratch may leave differently. */
const CACHE = 'node_modules/.cache';

/** A run's outcome with the project's own path taken out, so that runs on two copies compare. */
export interface Outcome {
  readonly ok: boolean;
  /** Each diagnostic as the CLI prints it (paths relative to the project, code frame, hint). */
  readonly printed: readonly string[];
  readonly specs: readonly string[];
  readonly files: GenerateResult['files'];
  /** Every file of the project after the run, by relative path: its bytes' hash, or what it is. */
  readonly tree: Readonly<Record<string, string>>;
}

/** A copy of the project at `to` (replacing whatever is there), without its build cache; symlinks copied as they are. */
export function copyProject(root: string, to: string): void {
  removeDir(to);
  cpSync(root, to, { recursive: true, verbatimSymlinks: true, filter: (source) => !isUnder(relative(root, source).split(sep).join('/'), CACHE) });
}

/** Every entry of the project but the build cache (file-tree.ts). */
export function projectTree(root: string): Record<string, string> {
  return Object.fromEntries(fileTree(root, { skip: (path) => isUnder(path, CACHE) }));
}

/** The outcome of `result`, a run in `root`, with `root` written as `<root>`. */
export function outcomeOf(root: string, result: GenerateResult): Outcome {
  const unrooted = (text: string) => text.split(root).join('<root>');
  return {
    ok: result.ok,
    printed: result.diagnostics.map((d) => unrooted(formatDiagnostic(d, { root, sourceText: result.sourceText }))),
    specs: result.specs.map((s) => unrooted(`${s.kind} ${s.key}@${s.version} ${s.file}`)),
    files: result.files,
    tree: projectTree(root),
  };
}

/**
 * Runs `mode` in `root` with the cache, and from scratch in a copy made at `copy` just before;
 * both take their options from the project's config file, as the CLI does. `warm`: the cached run
 * is a watch process's next run, with what its earlier runs kept in memory.
 */
export async function cachedAndFromScratch(root: string, copy: string, mode: GenerateMode, warm?: WarmState): Promise<{ cached: Outcome; fromScratch: Outcome }> {
  copyProject(root, copy);
  const cached = warm ? await warmRun(root, mode, warm) : await generate({ root, mode, workers: 0 });
  const fromScratch = await generate({ root: copy, mode, workers: 0, cache: false });
  return { cached: outcomeOf(root, cached), fromScratch: outcomeOf(copy, fromScratch) };
}

/** A run as watch mode makes it (generator/watch.ts): options resolved anew, the warm state of the runs before. */
async function warmRun(root: string, mode: GenerateMode, warm: WarmState): Promise<GenerateResult> {
  try {
    return await generateResolved(await resolveOptions({ root, mode, workers: 0 }), warm);
  } catch (error) {
    // A config that cannot be used: the run reads nothing, warm or not (generate() reports it as CG160).
    if (error instanceof ConfigError) return generate({ root, mode, workers: 0 });
    throw error;
  }
}
