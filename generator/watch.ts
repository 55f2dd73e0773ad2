/**
 * Watch mode: regenerate when a spec, template, adapter or the config changes. Changes are
 * debounced, runs never overlap, and a broken spec only prints its diagnostics: the next change
 * that fixes it regenerates as usual (and deleted specs have their outputs removed by the writer).
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { generate, type GenerateOptions, type GenerateResult } from './generate.js';
import { resolveOptions } from './options.js';

export interface WatchOptions extends GenerateOptions {
  /** Folders and files to watch besides specs, templates and adapters (e.g. the config file). */
  readonly extraPaths?: readonly string[];
  /** Quiet period before a run, in ms (default 100). */
  readonly debounceMs?: number;
  /** Reads the options again (the config file changed); folders watched stay those of the start. */
  readonly reload?: () => Promise<GenerateOptions>;
}

export interface Watcher {
  /** Resolves after the first run. */
  readonly ready: Promise<void>;
  close(): void;
}

export function watchProject(options: WatchOptions, onResult: (result: GenerateResult) => void, onError: (error: unknown) => void = () => {}): Watcher {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let current: GenerateOptions = options;
  let reloadNeeded = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          if (reloadNeeded && options.reload) {
            reloadNeeded = false;
            current = { ...(await options.reload()), cache: options.cache };
          }
          const result = await generate({ ...current, mode: 'write' });
          if (!closed) onResult(result);
        } catch (error) {
          if (!closed) onError(error);
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
    timer = setTimeout(() => void run(), options.debounceMs ?? 100);
  };

  const resolved = resolveOptions(options);
  const folders = [resolved.specsDir, resolved.adaptersDir, ...resolved.templateDirs];
  for (const folder of folders) {
    try {
      watchers.push(watch(folder, { recursive: true }, schedule));
    } catch {
      // A folder that does not exist (no adapters yet) has nothing to watch.
    }
  }
  for (const file of options.extraPaths ?? []) {
    // Editors replace files by rename: watch the folder and filter by name.
    watchers.push(
      watch(dirname(file), (_event, name) => {
        if (name !== basename(file)) return;
        reloadNeeded = true;
        schedule();
      }),
    );
  }
  return {
    ready: run(),
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
