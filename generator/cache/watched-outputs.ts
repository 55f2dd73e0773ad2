/**
 * What a watch process knows of its output folders between runs: which outputs are, for sure,
 * still as its last run stamped them, without looking.
 *
 * A run reuses a cached output only when the output is still on disk as the cache stamped it
 * (stamps.ts): an lstat per output, 90 ms of a save's 300 at 7,000 outputs. A watcher on the output
 * folders tells the same for less: an output is looked at only when an event names it. So a warm
 * run trusts an output when
 * - the output watcher is ready and has reported no error (from an error on, nothing is trusted),
 * - the run is for the output folders that are watched (a config reload may have moved them),
 * - the run that stamped it began after the watcher was ready, the stamp the run holds is the one
 *   that run left, and
 * - no event named it since without the output being found as stamped;
 * any other output is looked at, as in any run.
 *
 * An event on an output is judged by looking at that output (stamps.ts): as stamped, it was the
 * run's own write (or nothing); otherwise another hand changed it, and a run is asked for
 * (`onChangedByOthers`), which puts it back as a run from scratch would. Events that come during a
 * run are judged when it ends, against the stamps it leaves: an output changed while a run trusted
 * it is found then.
 */
import { relative, sep } from 'node:path';
import { isInsideFolder } from '../fs/inside.js';
import { OutputPaths, type OutputTarget } from '../fs/output-path.js';
import { outputFolders } from '../fs/run-folder.js';
import type { OutputStamp } from './format.js';
import { outputHolds, type TrustedOutput } from './stamps.js';

export class WatchedOutputs {
  readonly #folders: readonly string[];
  #state: 'starting' | 'ready' | 'failed' = 'starting';
  /** The stamps the last run that ended as stamped left, by emitted path. */
  #stamps: Readonly<Record<string, OutputStamp>> = {};
  /** Whether #stamps may be trusted: the run that left them began with the watcher ready. */
  #trusted = false;
  /** Outputs (emitted paths) an event named that were not found as stamped: looked at by the next run. */
  readonly #changed = new Set<string>();
  /** During a run: the emitted paths named since it began, judged when it ends. */
  #during?: { readonly named: Set<string>; readonly ready: boolean };

  constructor(
    private readonly targets: readonly OutputTarget[],
    private readonly onChangedByOthers: () => void,
  ) {
    this.#folders = outputFolders(targets);
  }

  /** Whether the watcher watches every output folder now (one may not exist yet): only then does it report every change. */
  watching(all: boolean): void {
    if (this.#state !== 'failed') this.#state = all ? 'ready' : 'starting';
  }

  /** The watcher failed: it may miss changes from now on, so nothing is trusted again. */
  failed(): void {
    this.#state = 'failed';
  }

  /** The watcher named `path` (absolute): created, changed or removed. */
  named(path: string): void {
    const paths = this.#emitted(path);
    if (this.#during) for (const emitted of paths) this.#during.named.add(emitted);
    else if (this.#changedByOthers(paths)) this.onChangedByOthers();
  }

  /** A run for `folders` begins. Returns the outputs it may trust, or undefined when it must look at every one. */
  begin(folders: readonly string[]): TrustedOutput | undefined {
    const ready = this.#state === 'ready' && folders.length === this.#folders.length && folders.every((f) => this.#folders.includes(f));
    this.#during = { named: new Set(), ready };
    if (!ready || !this.#trusted) return undefined;
    const stamps = this.#stamps;
    const changed = this.#changed;
    const named = this.#during.named;
    return (path, stamp) => stamp !== undefined && stamps[path] === stamp && !changed.has(path) && !named.has(path);
  }

  /**
   * The run ends: `stamps` are the outputs it left, as the cache records them (it passed, or had
   * nothing to do), or undefined when it failed and wrote nothing.
   */
  end(stamps: Readonly<Record<string, OutputStamp>> | undefined): void {
    const during = this.#during;
    this.#during = undefined;
    if (!during) return;
    if (stamps) {
      // The run looked at every output an event had named (or wrote it): they are as it stamped them.
      this.#changed.clear();
      this.#stamps = stamps;
      this.#trusted = during.ready && this.#state === 'ready';
    }
    if (this.#changedByOthers(during.named)) this.onChangedByOthers();
  }

  /** Whether any of `named` (emitted paths) is an output that is not as stamped; such outputs are looked at by the next run. */
  #changedByOthers(named: Iterable<string>): boolean {
    let found = false;
    const paths = new OutputPaths(this.targets);
    for (const path of named) {
      const stamp = this.#stamps[path];
      if (stamp === undefined || outputHolds(paths, path, stamp)) continue;
      this.#changed.add(path);
      found = true;
    }
    return found;
  }

  /** The emitted paths an absolute path can be: one per output folder it is in (folders may nest). */
  #emitted(path: string): string[] {
    return this.targets.filter((target) => isInsideFolder(path, target.dir)).map((target) => target.prefix + relative(target.dir, path).split(sep).join('/'));
  }
}
