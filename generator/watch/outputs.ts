/**
 * The watcher of the output folders: it only tells `warm` what changed there (a run's own writes
 * included), and asks for a run when another hand changed an output (cache/watched-outputs.ts). The
 * writer's run folders are not watched (they hold only its lock, journal and staged files),
 * symlinks are not followed (an output must not be one), and a failure of this watcher only makes
 * runs look at every output again.
 */
import { watch, type FSWatcher } from 'chokidar';
import { basename } from 'node:path';
import { WatchedOutputs, type WarmState } from '../cache/index.js';
import { outputFolders, RUN_FOLDER } from '../fs/run-folder.js';
import { outputTargets, type ResolvedOptions } from '../options.js';

export function watchOutputs(options: ResolvedOptions, warm: WarmState, onChangedByOthers: () => void): FSWatcher {
  const targets = outputTargets(options);
  const outputs = new WatchedOutputs(targets, onChangedByOthers);
  warm.outputs = outputs;
  const watcher = watch(outputFolders(targets), { ignoreInitial: true, followSymlinks: false, ignored: (path) => basename(path) === RUN_FOLDER });
  watcher.on('all', (_event, path) => outputs.named(path));
  watcher.once('ready', () => outputs.ready());
  watcher.on('error', () => outputs.failed());
  return watcher;
}
