/**
 * Watch mode: regenerate when a spec, template, adapter or the config changes. Changes are
 * debounced, runs never overlap, and a broken spec only prints its diagnostics: the next change
 * that fixes it regenerates as usual (and deleted specs have their outputs removed by the writer).
 *
 * The watcher is chokidar: Node's own recursive `fs.watch` on Linux (Node 20) stops reporting a
 * file once it has been replaced by a rename, which is how most editors, `sed -i` and
 * write-temp-then-rename save. chokidar watches each folder, follows renames, new folders and
 * deletions, and watches a folder that does not exist yet (no adapters/ at the start) through its
 * parent until it appears.
 *
 * Runs are warm: the process keeps the build cache's data and every input's state between runs
 * (cache/warm.ts), so a run reads only the inputs whose stat moved or that the watcher named, and
 * the pipeline is loaded while the user has not saved yet. What a run reuses is still verified as
 * in any run, so it ends exactly like a run from scratch, whatever the watcher of the inputs saw
 * or missed. The output folders have a watcher of their own, so that a run need not look at every
 * output it keeps (cache/watched-outputs.ts): an output changed by another hand is put back at once.
 */
import { watch, type FSWatcher } from 'chokidar';
import { basename } from 'node:path';
import { WarmState } from './cache/index.js';
import { generateResolved, type GenerateResult } from './generate.js';
import { preloadPipeline } from './pipeline/preload.js';
import type { ResolvedOptions } from './options.js';
import { InputsElsewhere } from './watch/inputs-elsewhere.js';
import { watchOutputs } from './watch/outputs.js';

export interface WatchOptions {
  /** The run's options (each run writes). */
  readonly options: ResolvedOptions;
  /** Files to watch besides the specs, templates and adapters folders (the config file): a change reloads the options. */
  readonly extraPaths?: readonly string[];
  /**
   * Quiet period before a run, in ms (default 50: an editor's save, backup rename and all, takes a few;
   * a save that takes longer only causes one more run, which ends as a run from scratch would).
   */
  readonly debounceMs?: number;
  /** Reads the options again (the config file changed); folders watched stay those of the start. */
  readonly reload?: () => Promise<ResolvedOptions>;
}

export interface Watcher {
  /** Resolves after the first run. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** The watcher itself failed (e.g. the system's limit on watched folders): not a bug of ours. */
export class WatchError extends Error {
  override name = 'WatchError';
}

/** How long the project must stay quiet after a run before the cache file is written (a run of another process may read it). */
const SAVE_AFTER_MS = 1_000;

/** Folders below the watched ones that never hold an input (discover.ts skips them too), and can be huge. */
const NEVER_INPUT = new Set(['node_modules', '.git']);

/** `onResult` gets each run's result and how long that run took (from its start, not from the previous run). */
export function watchProject(watching: WatchOptions, onResult: (result: GenerateResult, elapsedMs: number) => void, onError: (error: unknown) => void = () => {}): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let current = watching.options;
  let reloadNeeded = false;
  /** The last run read a spec during its save, and was not reported. */
  let retried = false;
  const warm = new WarmState();
  /** Paths the watcher named since the last run started: read again whatever their stat says. */
  const named = new Set<string>();
  let preloaded = false;
  /** The cache file is written once the project has been quiet for a while, not after each of a burst of saves. */
  let saving: NodeJS.Timeout | undefined;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const start = performance.now();
        for (const path of named) warm.inputs.forget(path);
        named.clear();
        try {
          if (reloadNeeded && watching.reload) {
            reloadNeeded = false;
            current = await watching.reload();
          }
          outputs.ensure();
          const result = await generateResolved(current, warm);
          outputs.ensure();
          // A save still in progress when the run read it (CG306, nothing written): the run is not
          // reported, and another follows the quiet period (the watcher's event of the rest of the
          // save may come only after this run has ended). A file still changing then is reported.
          const readDuringSave = result.diagnostics.some((d) => d.code === 'CG306');
          if (readDuringSave && (named.size > 0 || !retried)) {
            retried = true;
            schedule();
          } else {
            retried = false;
            if (!closed) onResult(result, performance.now() - start);
          }
        } catch (error) {
          if (!closed) onError(error);
        }
        if (!closed) elsewhere.update(warm.inputStates());
        clearTimeout(saving);
        saving = setTimeout(() => warm.save(), SAVE_AFTER_MS);
        if (!preloaded) {
          preloaded = true;
          // The first run may have answered from the cache, without the pipeline: the first save must not wait for it to load.
          setTimeout(() => void preloadPipeline(current).catch(() => undefined), 0);
        }
      } while (again && !closed);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    clearTimeout(saving);
    timer = setTimeout(() => void run(), watching.debounceMs ?? 50);
  };

  const { options } = watching;
  const outputs = watchOutputs(options, warm, () => {
    if (running) again = true;
    else schedule();
  });
  const configFiles = new Set(watching.extraPaths ?? []);
  const watcher: FSWatcher = watch([options.specs, options.adapters, ...options.templates, ...configFiles], {
    ignoreInitial: true,
    ignored: (path) => NEVER_INPUT.has(basename(path)),
  });
  const saved = (path: string) => {
    named.add(path);
    if (configFiles.has(path)) reloadNeeded = true;
    schedule();
  };
  watcher.on('all', (_event, path) => saved(path));
  const elsewhere = new InputsElsewhere(options.root, [options.specs, options.adapters, ...options.templates], saved);
  watcher.on('error', (error) => !closed && onError(new WatchError(`cannot watch the project's folders: ${(error as Error).message}`, { cause: error })));
  // The first run starts once every folder is watched: a save made during it is then seen.
  const watched = new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    ready: watched.then(run),
    async close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(saving);
      outputs.close();
      await Promise.all([watcher.close(), elsewhere.close()]);
      await running;
      warm.save();
    },
  };
}

