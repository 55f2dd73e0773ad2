/**
 * Inputs outside the watched folders: a module a spec imports from elsewhere in the project
 * (`../../shared/limits.ts` from specs/integrations/), the project's package.json, a spec
 * package's files in the project's node_modules. The watcher of the specs, adapters and templates
 * folders does not see them, so once a run has found them, their folders are watched (each folder
 * itself, not what is below it), and an event on one of them is a save like any other. A path the
 * module resolver looked for and did not find is an input too: a file appearing there changes
 * what an import resolves to; when its folder does not exist either, the nearest folder above it
 * that does is watched, for the folder's creation. Inputs outside the project (the resolver's look
 * at the folders above it) are left alone: a project does not change by them, and watching them
 * would watch `/tmp` or `/`.
 *
 * A folder's watch is `fs.watch`, in place when the call returns; right after it, each input
 * there is compared with what the run read, so a save made between the run's read and the watch
 * (a module saved just as the run that found it ended) is a save too, not a change nobody sees.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { inputState } from '../fs/input-state.js';
import { isInsideFolder } from '../fs/inside.js';

export class InputsElsewhere {
  /** Per watched folder: its watch, and the inputs at or below it that it stands for. */
  #folders = new Map<string, { readonly watcher: FSWatcher; inputs: string[] }>();

  constructor(
    /** The project's folder: only inputs inside it are watched. */
    private readonly root: string,
    /** The folders watched already (specs, adapters, templates). */
    private readonly watched: readonly string[],
    private readonly onSaved: (path: string) => void,
  ) {}

  /**
   * The inputs of the last run (absolute paths) and the state it read each in: from now on, those
   * outside the watched folders are watched too. One whose folder is watched only now and that is no
   * longer as read is reported saved.
   */
  update(inputs: Readonly<Record<string, string>>): void {
    const byFolder = new Map<string, string[]>();
    const exists = new Map<string, boolean>();
    for (const path of Object.keys(inputs)) {
      if (!isInsideFolder(path, this.root) || this.watched.some((folder) => path === folder || isInsideFolder(path, folder))) continue;
      const folder = this.existingFolderOf(path, exists);
      if (folder === undefined) continue;
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
    }
    for (const [folder, entry] of this.#folders) {
      if (byFolder.has(folder)) continue;
      entry.watcher.close();
      this.#folders.delete(folder);
    }
    for (const [folder, paths] of byFolder) {
      const known = this.#folders.get(folder);
      if (known) {
        known.inputs = paths;
        continue;
      }
      if (!this.watch(folder, paths)) continue;
      for (const path of paths) if (inputState(path) !== inputs[path]) this.onSaved(path);
    }
  }

  /** The input's own folder, or the nearest one above it that exists, inside the project. */
  private existingFolderOf(path: string, exists: Map<string, boolean>): string | undefined {
    for (let folder = dirname(path); isInsideFolder(folder, this.root) || folder === this.root; folder = dirname(folder)) {
      let there = exists.get(folder);
      if (there === undefined) exists.set(folder, (there = existsSync(folder)));
      if (there) return folder;
      if (folder === this.root) break;
    }
    return undefined;
  }

  /** Watches `folder` for `paths`; false when it cannot be watched (gone already, no permission). */
  private watch(folder: string, paths: string[]): boolean {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        const entry = this.#folders.get(folder);
        if (!entry) return;
        // An entry of the folder: an input itself, or a folder above one (created, renamed, removed).
        const changed = name === null ? undefined : join(folder, name.toString());
        for (const path of entry.inputs) if (changed === undefined || path === changed || path.startsWith(changed + sep)) this.onSaved(path);
      });
    } catch {
      return false;
    }
    // A folder that can no longer be watched (removed) is watched again after the next run, if it is there.
    watcher.on('error', () => {
      watcher.close();
      if (this.#folders.get(folder)?.watcher === watcher) this.#folders.delete(folder);
    });
    this.#folders.set(folder, { watcher, inputs: paths });
    return true;
  }

  close(): Promise<void> {
    for (const { watcher } of this.#folders.values()) watcher.close();
    this.#folders.clear();
    return Promise.resolve();
  }
}
