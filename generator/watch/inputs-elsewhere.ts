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
 * (a module saved just as the run that found it ended) is a save too, not a change nobody sees. A
 * watched folder removed, moved away or replaced (`npm install` replacing a package) is let go,
 * its inputs reported saved, and the next run watches what is there then.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { inputState } from '../fs/input-state.js';
import { isInsideFolder } from '../fs/inside.js';

export class InputsElsewhere {
  /** Per watched folder: its watch, which folder it is (device and inode), and the inputs at or below it that it stands for. */
  #folders = new Map<string, { readonly watcher: FSWatcher; readonly identity: string; inputs: string[] }>();

  constructor(
    /** The project's folder: only inputs inside it are watched. */
    private readonly root: string,
    /** The folders watched already (specs, adapters, templates). */
    private readonly watched: readonly string[],
    private readonly onSaved: (path: string) => void,
  ) {}

  /**
   * The inputs of the last run (absolute paths) and the state it read each in: from now on, those
   * outside the watched folders are watched too. One that was not watched before this call and that
   * is no longer as read is reported saved.
   */
  update(inputs: Readonly<Record<string, string>>): void {
    const byFolder = new Map<string, string[]>();
    const identities = new Map<string, string | undefined>();
    const identity = (folder: string) => {
      if (!identities.has(folder)) identities.set(folder, folderIdentity(folder));
      return identities.get(folder);
    };
    for (const path of Object.keys(inputs)) {
      if (!isInsideFolder(path, this.root) || this.watched.some((folder) => path === folder || isInsideFolder(path, folder))) continue;
      const folder = this.existingFolderOf(path, identity);
      if (folder === undefined) continue;
      const paths = byFolder.get(folder);
      if (paths) paths.push(path);
      else byFolder.set(folder, [path]);
    }
    // A folder no longer needed, or no longer the folder watched (removed, moved away, replaced), is let go.
    for (const [folder, entry] of this.#folders) {
      if (byFolder.has(folder) && identity(folder) === entry.identity) continue;
      entry.watcher.close();
      this.#folders.delete(folder);
    }
    for (const [folder, paths] of byFolder) {
      const known = this.#folders.get(folder);
      const added = known ? paths.filter((path) => !known.inputs.includes(path)) : paths;
      if (known) known.inputs = paths;
      else if (!this.watch(folder, identity(folder)!, paths)) continue;
      for (const path of added) if (inputState(path) !== inputs[path]) this.onSaved(path);
    }
  }

  /** The input's own folder, or the nearest one above it that exists, inside the project. */
  private existingFolderOf(path: string, identity: (folder: string) => string | undefined): string | undefined {
    for (let folder = dirname(path); isInsideFolder(folder, this.root) || folder === this.root; folder = dirname(folder)) {
      if (identity(folder) !== undefined) return folder;
      if (folder === this.root) break;
    }
    return undefined;
  }

  /** Watches `folder` for `paths`; false when it cannot be watched (gone already, no permission). */
  private watch(folder: string, identity: string, paths: string[]): boolean {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        const entry = this.#folders.get(folder);
        if (!entry || entry.watcher !== watcher) return;
        const own = name === null ? undefined : name.toString();
        // The folder itself removed, moved away or replaced shows as an event under its own name
        // (or under none): every input there may have changed, and the folder is let go.
        if ((own === undefined || own === basename(folder)) && folderIdentity(folder) !== entry.identity) {
          watcher.close();
          this.#folders.delete(folder);
          for (const path of entry.inputs) this.onSaved(path);
          return;
        }
        // An entry of the folder: an input itself, or a folder above one (created, renamed, removed).
        const changed = own === undefined ? undefined : join(folder, own);
        for (const path of entry.inputs) if (changed === undefined || path === changed || path.startsWith(changed + sep)) this.onSaved(path);
      });
    } catch {
      return false;
    }
    // A folder that can no longer be watched is let go: watched again after the next run, if it is there.
    watcher.on('error', () => {
      watcher.close();
      if (this.#folders.get(folder)?.watcher === watcher) this.#folders.delete(folder);
    });
    this.#folders.set(folder, { watcher, identity, inputs: paths });
    return true;
  }

  close(): Promise<void> {
    for (const { watcher } of this.#folders.values()) watcher.close();
    this.#folders.clear();
    return Promise.resolve();
  }
}

/** Which folder is at `path` (device and inode), or undefined when none is (nothing, or a file). */
function folderIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}
