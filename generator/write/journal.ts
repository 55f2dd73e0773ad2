/**
 * The journal turns a run's renames and deletions into one transaction. Every changed file is first
 * staged, complete, in the run's staging folder; then the journal (the steps that put the staged
 * files in place and delete stale ones) is written, fsynced and renamed into the run folder; only
 * then does the first step run. Renaming the journal into place is the commit point: from then on
 * the run counts as done, and whoever finds the journal (the next run, under the lock) redoes its
 * steps. Each step can be redone: a rename whose staged file is gone was done already, a deletion
 * of a missing file is a no-op. Without a journal no target was touched, and the staged files are
 * simply deleted. So a reader after recovery sees the whole old tree or the whole new tree.
 *
 * Only the journal is fsynced (a cold run must not pay a sync per file): this holds for a killed
 * process, whose written files the OS keeps; a power cut may lose staged contents.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { journalFileOf, runFolderOf } from './run-folder.js';
import { readRegularFile } from '../load/read-input.js';
import { killAfterRenamesForTests } from '../test-hooks.js';

/** Paths are absolute here; in the file they are relative to the journal's folder, so a moved checkout still recovers. */
export type Step = { readonly rename: string; readonly to: string } | { readonly remove: string; readonly within: string };

const FORMAT = 1;

/** Writes the journal for `steps` into `folder`'s run folder, by way of a temp file in `stagingFolder` (rolled back with it if we die first). */
export function writeJournal(folder: string, stagingFolder: string, steps: readonly Step[]): void {
  const rel = (path: string) => relative(folder, path);
  const encoded = steps.map((step) => ('rename' in step ? ['rename', rel(step.rename), rel(step.to)] : ['remove', rel(step.remove), rel(step.within)]));
  const temp = join(stagingFolder, 'journal.json');
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify({ generator: 'contractgen', format: FORMAT, steps: encoded }) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, journalFileOf(folder));
  syncFolder(runFolderOf(folder));
}

/** The steps of the journal in `folder`, undefined when there is none; throws when it cannot be read. */
export function readJournal(folder: string): Step[] | undefined {
  let text: string;
  try {
    // A regular file only: a FIFO in its place would block the run (it is reported, as any unreadable journal).
    text = readRegularFile(journalFileOf(folder)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as { generator?: unknown; format?: unknown; steps?: unknown };
  if (parsed.generator !== 'contractgen' || parsed.format !== FORMAT || !Array.isArray(parsed.steps)) throw new Error('not a contractgen journal of a known format');
  const abs = (path: unknown) => {
    if (typeof path !== 'string') throw new Error('a step names no path');
    return resolve(folder, path);
  };
  return parsed.steps.map((step: unknown): Step => {
    if (!Array.isArray(step)) throw new Error('a step is not a list');
    if (step[0] === 'rename') return { rename: abs(step[1]), to: abs(step[2]) };
    if (step[0] === 'remove') return { remove: abs(step[1]), within: abs(step[2]) };
    throw new Error(`unknown step "${String(step[0])}"`);
  });
}

export function removeJournal(folder: string): void {
  rmSync(journalFileOf(folder), { force: true });
}

/** Runs the steps in order: committing a run, or completing one that was killed. */
export function applySteps(steps: readonly Step[]): void {
  const killAfter = killAfterRenamesForTests();
  killAfter?.(0);
  steps.forEach((step, index) => {
    if ('rename' in step) renameStaged(step.rename, step.to);
    else {
      rmSync(step.remove, { force: true });
      removeEmptyParents(step.remove, step.within);
    }
    killAfter?.(index + 1);
  });
}

/** Folders for new files are made only now, so a run rolled back leaves no empty folder behind. */
function renameStaged(staged: string, target: string): void {
  try {
    renameSync(staged, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The staged file is gone: this step was done before the run was killed.
    if (!existsSync(staged)) return;
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staged, target);
  }
}

/** Removes folders left empty by a deleted file, up to (not including) the output folder. */
function removeEmptyParents(file: string, outputFolder: string): void {
  for (let dir = dirname(file); dir.startsWith(outputFolder) && dir !== outputFolder; dir = dirname(dir)) {
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/** Makes the rename of the journal durable. Not possible everywhere (Windows cannot open a folder): best effort there. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The journal's own contents are synced; only the rename's durability is not ensured here.
  }
}
