/**
 * The watcher of the output folders: it only tells `warm` what changed there (a run's own writes
 * included), and asks for a run when another hand changed an output (cache/watched-outputs.ts).
 * It watches folders, not files (folder-watcher.ts); the writer's run folders are not watched
 * (they hold only its lock, journal and staged files), nor are symlinks followed (an output must
 * not be one). A failure of this watcher only makes runs look at every output again.
 */
import { WatchedOutputs, type WarmState } from '../cache/index.js';
import { outputFolders, RUN_FOLDER } from '../fs/run-folder.js';
import { outputTargets, type ResolvedOptions } from '../options.js';
import { FolderWatcher } from './folder-watcher.js';

export interface OutputsWatch {
  /** Watches the output folders as they are now (one appeared, or was replaced): call before and after each run. */
  ensure(): void;
  close(): void;
}

export function watchOutputs(options: ResolvedOptions, warm: WarmState, onChangedByOthers: () => void): OutputsWatch {
  const targets = outputTargets(options);
  const outputs = new WatchedOutputs(targets, onChangedByOthers);
  warm.outputs = outputs;
  const watcher = new FolderWatcher(outputFolders(targets), { named: (path) => outputs.named(path), failed: () => outputs.failed() }, (name) => name === RUN_FOLDER);
  const ensure = () => outputs.watching(watcher.ensure());
  ensure();
  return { ensure, close: () => watcher.close() };
}
