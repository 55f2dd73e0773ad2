/**
 * Inputs outside the watched folders: a module a spec imports from elsewhere in the project
 * (`../../shared/limits.ts` from specs/integrations/), the project's package.json, a spec
 * package's files in the project's node_modules. The watcher of the specs, adapters and templates
 * folders does not see them, so once a run has found them, their folders are watched (each folder
 * itself, not what is below it), and an event on one of them is a save like any other. A path the
 * module resolver looked for and did not find is an input too: a file appearing there changes
 * what an import resolves to. Inputs outside the project (the resolver's look at the folders above
 * it) are left alone: a project does not change by them, and watching them would watch `/tmp` or `/`.
 */
import { watch, type FSWatcher } from 'chokidar';
import { dirname } from 'node:path';
import { isInsideFolder } from '../fs/inside.js';

export class InputsElsewhere {
  readonly #watcher: FSWatcher;
  #inputs = new Set<string>();
  #folders = new Set<string>();

  constructor(
    /** The project's folder: only inputs inside it are watched. */
    private readonly root: string,
    /** The folders watched already (specs, adapters, templates). */
    private readonly watched: readonly string[],
    onSaved: (path: string) => void,
  ) {
    this.#watcher = watch([], { ignoreInitial: true, depth: 0 });
    this.#watcher.on('all', (_event, path) => {
      if (this.#inputs.has(path)) onSaved(path);
    });
    // An error here (a folder that cannot be watched) leaves those inputs to the next save seen elsewhere.
    this.#watcher.on('error', () => {});
  }

  /** The inputs of the last run (absolute paths): from now on, those outside the watched folders are watched too. */
  update(inputs: readonly string[]): void {
    const elsewhere = inputs.filter((path) => isInsideFolder(path, this.root) && !this.watched.some((folder) => path === folder || isInsideFolder(path, folder)));
    this.#inputs = new Set(elsewhere);
    const folders = new Set(elsewhere.map((path) => dirname(path)));
    const added = [...folders].filter((folder) => !this.#folders.has(folder));
    const removed = [...this.#folders].filter((folder) => !folders.has(folder));
    if (added.length > 0) this.#watcher.add(added);
    if (removed.length > 0) this.#watcher.unwatch(removed);
    this.#folders = folders;
  }

  close(): Promise<void> {
    return this.#watcher.close();
  }
}
