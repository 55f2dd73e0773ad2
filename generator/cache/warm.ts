/**
 * What a process that runs again and again (watch mode) keeps between its runs: the build cache's
 * data, so that a run neither reads the cache file nor waits for it to be written, the state of
 * every input, so that a run reads only the files whose stat moved (fs/input-state.ts), and the
 * processor of spec files (parsed imports, compiled validators, loaded templates), and what the
 * watcher of the output folders saw. Like the cache itself it only saves work: every reuse is
 * verified, inputs by their state and outputs by their stamps on disk (or, for an output the
 * watcher saw no change to since the run that stamped it, by that), so a warm run ends exactly
 * like a run from scratch.
 */
import { KnownInputStates } from '../fs/input-state.js';
import { CACHE_FORMAT, type CacheData } from './format.js';
import { writeCache } from './store.js';
import type { WatchedOutputs } from './watched-outputs.js';

export class WarmState {
  readonly inputs = new KnownInputStates();
  /** What the watcher of the output folders saw: the outputs a run may trust without looking (watched-outputs.ts). */
  outputs?: WatchedOutputs;
  /** The cache of the last run, by the output folders it is for (cacheName). */
  private kept?: { readonly name: string; readonly data: CacheData };
  /** A cache kept but not written to its file yet. */
  private unsaved?: { readonly file: string; readonly data: CacheData };
  /** What the runs' spec files were processed with (parsed imports, compiled validators, templates), while the settings stay the same. */
  private processor?: { readonly key: string; readonly value: unknown };

  /** The object kept under `key`, or a new one from `make` (kept from now on, in place of any other). */
  reuse<T>(key: string, make: () => T): T {
    if (this.processor?.key !== key) this.processor = { key, value: make() };
    return this.processor.value as T;
  }

  /** The cache for `name` kept from the last run, or else what `read` gives (the cache file), kept from now on. */
  cache(name: string, read: () => CacheData | undefined): CacheData | undefined {
    if (this.kept?.name !== name) {
      const data = read();
      this.kept = data && { name, data };
    }
    return this.kept?.data;
  }

  /** Every input the last run that passed read, with the state it read (absolute paths; a path the module resolver found nothing at included, as absent). */
  inputStates(): Readonly<Record<string, string>> {
    return this.kept?.data.inputs ?? {};
  }

  /** The cache a run leaves: kept now, written to `file` by `save` (after the run has been reported). */
  keep(name: string, file: string | undefined, data: Omit<CacheData, 'format'>): void {
    this.kept = { name, data: { format: CACHE_FORMAT, ...data } };
    this.unsaved = file === undefined ? undefined : { file, data: this.kept.data };
  }

  /** Writes the cache kept last to its file, if it is not written yet: a run of another process may use it. */
  save(): void {
    const unsaved = this.unsaved;
    this.unsaved = undefined;
    if (unsaved) writeCache(unsaved.file, unsaved.data);
  }
}
