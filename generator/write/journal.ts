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
import { dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { JOURNAL_FILE, journalFileOf, RUN_FOLDER, runFolderOf } from '../fs/run-folder.js';
import { readRegularFile } from '../fs/read-input.js';
import { isInsideFolder } from '../fs/inside.js';
import { OutputPathError, OutputPaths, runFolderEntry, withinFolders } from '../fs/output-path.js';
import { probes } from '../probes.js';

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

/**
 * The steps of the journal in `folder`, undefined when there is none, each checked against the
 * run's output `folders` before any runs (a journal is refused whole): a rename takes a staged file
 * of a run folder to a place inside an output folder, a removal deletes a file inside the output
 * folder it names; a regular file (or nothing) at each end, no symlink on the way. Throws
 * OutputPathError for a journal file that is itself a symlink or a step that breaks the rule (named
 * by the step), and an Error when it cannot be read.
 */
export function readJournal(folder: string, folders: readonly string[]): Step[] | undefined {
  const journal = runFolderEntry(folder, `${RUN_FOLDER}/${JOURNAL_FILE}`);
  if (!journal.leaf) return undefined;
  // A regular file only: a FIFO in its place would block the run (it is reported, as any unreadable journal).
  const text = readRegularFile(journal.path, { noFollow: true }).toString('utf8');
  const parsed = JSON.parse(text) as { generator?: unknown; format?: unknown; steps?: unknown };
  if (parsed.generator !== 'contractgen' || parsed.format !== FORMAT || !Array.isArray(parsed.steps)) throw new Error('not a contractgen journal of a known format');
  const paths = new OutputPaths([]);
  return parsed.steps.map((step: unknown, index): Step => {
    if (!Array.isArray(step) || step.length !== 3) throw new Error('a step is not a list of three');
    try {
      if (step[0] === 'rename') return { rename: stagedFile(folder, folders, step[1]), to: outputFile(folder, folders, step[2], paths) };
      if (step[0] === 'remove') {
        const within = journalPath(folder, step[2]);
        if (!folders.includes(within)) throw new OutputPathError(String(step[2]), 'is not an output folder of this run', within);
        return { remove: outputFile(folder, [within], step[1], paths), within };
      }
    } catch (error) {
      if (error instanceof OutputPathError) throw error.namedBy(journal.path, `journal step ${index + 1} (${String(step[0])})`, step);
      throw error;
    }
    throw new Error(`unknown step "${String(step[0])}"`);
  });
}

/** A path as a journal spells it (relative to its folder, normal, no NUL or backslash; '' is the folder itself), made absolute. */
function journalPath(folder: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.includes('\0') || raw.includes('\\') || isAbsolute(raw) || (raw !== '' && posix.normalize(raw) !== raw)) {
    throw new OutputPathError(typeof raw === 'string' ? raw : String(raw), 'is not a plain path relative to the journal', join(folder, String(raw)));
  }
  return resolve(folder, raw);
}

/** A rename's source: a staged file (`.contractgen-run/<run>/<file>`) of one of the output folders. */
function stagedFile(folder: string, folders: readonly string[], raw: unknown): string {
  const at = withinFolders(journalPath(folder, raw), folders, String(raw));
  const { path, leaf } = runFolderEntry(at.folder, at.relative, true);
  if (leaf && !leaf.isFile()) throw new OutputPathError(String(raw), 'is not a regular file', path);
  return path;
}

/** A rename's target or a removal: a regular file (or nothing yet) inside one of `folders`, through real folders. */
function outputFile(folder: string, folders: readonly string[], raw: unknown, paths: OutputPaths): string {
  const at = withinFolders(journalPath(folder, raw), folders, String(raw));
  const { path, leaf } = paths.inside(at.folder, at.relative);
  if (leaf && !leaf.isFile()) throw new OutputPathError(String(raw), 'is not a regular file, and is never replaced or removed', path);
  return path;
}

export function removeJournal(folder: string): void {
  rmSync(journalFileOf(folder), { force: true });
}

/** Runs the steps in order: committing a run, or completing one that was killed. */
export function applySteps(steps: readonly Step[]): void {
  probes.stepDone?.(0);
  steps.forEach((step, index) => {
    if ('rename' in step) renameStaged(step.rename, step.to);
    else {
      rmSync(step.remove, { force: true });
      removeEmptyParents(step.remove, step.within);
    }
    probes.stepDone?.(index + 1);
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
  for (let dir = dirname(file); isInsideFolder(dir, outputFolder); dir = dirname(dir)) {
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
