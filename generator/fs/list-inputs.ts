/**
 * Lists the input files below a folder (spec files, adapters, template overrides): regular files,
 * and symlinks to regular files that stay inside the folder. Anything else with a wanted name (a
 * symlink leaving the folder, a FIFO, a socket, a device) is refused with a diagnostic and never
 * opened: `ln -s /proc/self/environ specs/env.ts` must not print the environment, and a FIFO named
 * `x.ts` must not block the run.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { realFolder } from './input-boundary.js';
import { isInsideFolder } from './inside.js';
import { describeSpecialFile, refusedFile } from './read-input.js';

export interface InputListing {
  /** In a stable order: by name within each folder, a folder's files where the folder sorts. */
  readonly files: string[];
  readonly refused: Diagnostic[];
}

export interface ListOptions {
  /** Whether a file name is an input at all (other files are never looked at). */
  readonly wanted: (name: string) => boolean;
  /** Entries not looked at, by name (hidden files, node_modules). */
  readonly skipName?: (name: string) => boolean;
  /** Subfolders not descended into. */
  readonly skipFolder?: (path: string) => boolean;
  /** Leave out a subfolder that cannot be read, instead of failing the listing. */
  readonly skipUnreadable?: boolean;
}

/** Throws what reading `root` itself throws (ENOENT, EACCES): the caller knows what that folder is. */
export function listInputFiles(root: string, options: ListOptions): InputListing {
  const files: string[] = [];
  const refused: Diagnostic[] = [];
  const realRoot = realFolder(root);
  const walk = (folder: string, top: boolean) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (top || !options.skipUnreadable) throw error;
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (options.skipName?.(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!options.skipFolder?.(path)) walk(path, false);
        continue;
      }
      if (!options.wanted(entry.name)) continue;
      const problem = entry.isFile() ? undefined : entry.isSymbolicLink() ? symlinkProblem(path, realRoot) : `the file is ${describeSpecialFile(entry)}, not a regular file, so it is not read`;
      if (problem) refused.push(refusedFile(path, problem));
      else files.push(path);
    }
  };
  walk(root, true);
  return { files, refused };
}

/** Why a symlink is not an input: its target leaves the folder, is missing, or is not a regular file. */
function symlinkProblem(link: string, realRoot: string): string | undefined {
  let target: string;
  try {
    target = realpathSync.native(link);
  } catch {
    return 'the file is a symlink to nothing (its target does not exist)';
  }
  if (!isInsideFolder(target, realRoot)) return `the file is a symlink to ${target}, outside ${realRoot}, so it is not read`;
  const stats = statSync(target);
  return stats.isFile() ? undefined : `the file is a symlink to ${describeSpecialFile(stats)}, not a regular file, so it is not read`;
}
