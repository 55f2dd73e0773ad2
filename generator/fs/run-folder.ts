/**
 * The folder a run keeps inside each output folder while it writes, `.contractgen-run/`: the lock,
 * one staging subfolder per run (named by the run id) and the journal. It exists only while a run
 * writes, or after one was killed, so a run with nothing to do looks for leftovers with one stat
 * per output folder. Staged files live inside the output folder so each rename stays on one file
 * system (atomic), and in a dot-folder that globs, the TypeScript compiler and our manifest skip.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const RUN_FOLDER = '.contractgen-run';
/** The lock's name in the run folder: the one entry a run that holds it keeps while cleaning up after a killed run. */
export const LOCK_FILE = 'lock.json';
export const JOURNAL_FILE = 'journal.json';

export const runFolderOf = (outputFolder: string): string => join(outputFolder, RUN_FOLDER);
export const lockFileOf = (outputFolder: string): string => join(outputFolder, RUN_FOLDER, LOCK_FILE);
export const journalFileOf = (outputFolder: string): string => join(outputFolder, RUN_FOLDER, JOURNAL_FILE);
export const stagingFolderOf = (outputFolder: string, run: string): string => join(outputFolder, RUN_FOLDER, run);

/**
 * Each output folder of a run once (docsOut may be the output folder itself), sorted: locks are
 * taken in this order, so two runs with overlapping folders never wait for each other crosswise.
 */
export function outputFolders(targets: readonly { readonly dir: string }[]): string[] {
  return [...new Set(targets.map((target) => target.dir))].sort();
}

/** The folders that hold a run folder: a run in progress, or what a killed one left. */
export function foldersWithRunFolder(folders: readonly string[]): string[] {
  return folders.filter((folder) => existsSync(runFolderOf(folder)));
}

/** A run's id: names its staging folder and its lock. */
export function newRunId(): string {
  return `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
