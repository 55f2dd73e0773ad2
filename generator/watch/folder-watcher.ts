/**
 * A watcher of folder trees that watches folders, not files: one `fs.watch` per folder, which
 * reports every entry of that folder created, changed, removed or renamed (inotify, FSEvents and
 * ReadDirectoryChangesW all do, for the entries of a watched folder). For the output folders,
 * whose entries only need naming: chokidar also watches each file and stats it when it starts,
 * which at 7,365 outputs in 1,070 folders took 8,400 of the system's inotify watches (shared with
 * the user's editor, 8,192 by default on older kernels) and seconds of CPU at the start, competing
 * with the first save. Node's own recursive mode is not used: on Linux (Node 20) it stops
 * reporting a file once it has been replaced by a rename.
 *
 * Folders are followed as they come and go: a new folder is watched and every file in it named (it
 * may have been written before its watch began), a removed one is no longer watched. Symlinks are
 * not followed. `ensure` watches the roots again when one appeared, or was replaced by another
 * folder (a watch follows the folder it was given, wherever it moves). Any failure (the system's
 * limit on watches, a folder that cannot be read) is reported once, through `failed`.
 */
import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

export interface FolderEvents {
  /** An entry of a watched folder (absolute path) was created, changed, removed or renamed. */
  named(path: string): void;
  /** The watcher may miss changes from now on. */
  failed(): void;
}

export class FolderWatcher {
  readonly #watchers = new Map<string, FSWatcher>();
  /** The identity (device:inode) of each root as watched. */
  readonly #roots = new Map<string, string>();
  #failed = false;

  constructor(
    private readonly roots: readonly string[],
    private readonly events: FolderEvents,
    /** Names of entries never watched nor reported (the writer's run folder). */
    private readonly skip: (name: string) => boolean,
  ) {}

  /** Watches every root that exists and is not watched as it is now; true when every root is watched. */
  ensure(): boolean {
    let all = true;
    for (const root of this.roots) {
      const identity = folderIdentity(root);
      if (identity === undefined) {
        all = false;
        this.#unwatch(root);
        this.#roots.delete(root);
        continue;
      }
      if (this.#roots.get(root) === identity) continue;
      // New, or another folder now: what the old watches report is not about this one.
      const known = this.#roots.has(root);
      this.#unwatch(root);
      this.#roots.set(root, identity);
      this.#watch(root, known);
    }
    return all && !this.#failed;
  }

  close(): void {
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }

  /** Watches `folder` and every folder below it; `announce`: names every file found (written before its watch began). */
  #watch(folder: string, announce: boolean): void {
    if (this.#failed || this.#watchers.has(folder)) return;
    let entries;
    try {
      const watcher = watch(folder, (_event, name) => this.#changed(folder, name === null ? null : String(name)));
      watcher.on('error', () => this.#fail());
      this.#watchers.set(folder, watcher);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone (or no longer a folder) before it was watched: its parent's event says so.
      if (code === 'ENOENT' || code === 'ENOTDIR') this.#unwatch(folder);
      else this.#fail();
      return;
    }
    for (const entry of entries) {
      if (this.skip(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) this.#watch(path, announce);
      else if (announce) this.events.named(path);
    }
  }

  #changed(folder: string, name: string | null): void {
    if (name === null) {
      // The platform did not say which entry: each is named, and new folders watched.
      this.#unwatch(folder);
      this.#watch(folder, true);
      return;
    }
    if (this.skip(name)) return;
    const path = join(folder, name);
    this.events.named(path);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) this.#watch(path, true);
    else if (this.#watchers.has(path)) this.#unwatch(path);
  }

  /** Stops watching `path` and every folder below it. */
  #unwatch(path: string): void {
    for (const [folder, watcher] of this.#watchers) {
      if (folder !== path && !folder.startsWith(path + sep)) continue;
      watcher.close();
      this.#watchers.delete(folder);
    }
  }

  #fail(): void {
    if (this.#failed) return;
    this.#failed = true;
    this.close();
    this.events.failed();
  }
}

function folderIdentity(path: string): string | undefined {
  try {
    const stat = lstatSync(path);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}
