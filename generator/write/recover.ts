/**
 * What a killed run leaves in the output folders, and what the next run does about it. Under the
 * lock, `generate` recovers: a journal means the killed run had committed, so its steps are redone
 * (roll forward: every staged file is complete once the journal exists); staged files without a
 * journal mean no target was touched, so they are deleted (roll back). `check` writes nothing: it
 * reports what it finds as CG304 and leaves the repair to `generate`.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { OutputBlockedError, refusing } from './blocked.js';
import { applySteps, readJournal, removeJournal, type Step } from './journal.js';
import { liveOwner, OutputLocks, waitForWriters } from './lock.js';
import { checkedRunFolder } from '../fs/output-path.js';
import { foldersWithRunFolder, journalFileOf, LOCK_FILE, newRunId, RUN_FOLDER, runFolderOf } from '../fs/run-folder.js';

/**
 * At the start of a run, before anything else (the cache's shortcut included): waits for a run
 * that is writing the folders, then `generate` recovers what a killed run left and `check` reports
 * it. Returns the diagnostics that stop the run (CG304, CG305, CG307). When no run folder exists, as
 * almost always, this costs one stat per output folder.
 */
export async function settleInterruptedRuns(folders: readonly string[], mode: 'write' | 'check'): Promise<Diagnostic[]> {
  const found = foldersWithRunFolder(folders);
  if (found.length === 0) return [];
  try {
    await waitForWriters(found);
    if (mode === 'check') return interruptedRunDiagnostics(found);
    // The writer recovers too, under its own lock; doing it here as well means a run that stops
    // early (a broken spec, nothing changed) still leaves the folders whole.
    const locks = OutputLocks.acquire(folders, newRunId());
    try {
      recoverInterruptedRuns(folders);
    } finally {
      locks.release();
    }
    return [];
  } catch (error) {
    if (error instanceof OutputBlockedError) return [error.diagnostic];
    throw error;
  }
}

/**
 * Completes or rolls back what killed runs left in `folders`; call holding their locks. Throws
 * OutputBlockedError when that cannot be done (CG304), or when a journal breaks the writer's path
 * rule (CG307: checked whole before its first step, so nothing is touched).
 */
export function recoverInterruptedRuns(folders: readonly string[]): void {
  // Every journal first: one journal covers all the folders of its run (docsOut too), and its
  // staged files must still be there when it is redone.
  for (const folder of folders) {
    const steps = journalOf(folder, folders);
    if (!steps) continue;
    try {
      applySteps(steps);
    } catch (error) {
      throw interrupted(folder, `a run was killed while it replaced files, and completing it failed (${(error as Error).message}); this folder is part old, part new`, 'fix the cause and run `contractgen generate` again: it completes the interrupted run first');
    }
    removeJournal(folder);
  }
  for (const folder of folders) {
    const runFolder = refusing(() => checkedRunFolder(folder));
    for (const name of entries(runFolder)) if (name !== LOCK_FILE) rmSync(join(runFolder, name), { recursive: true, force: true });
  }
}

/** CG304 for each folder a killed run left something in (for `check`, after live writers are done), CG307 for a journal `generate` would refuse. Reads only. */
export function interruptedRunDiagnostics(folders: readonly string[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const folder of folders) {
    // A run that started writing since (or is just making its run folder) is no killed run.
    if (entries(runFolderOf(folder)).length === 0 || liveOwner(folder)) continue;
    try {
      found.push(
        journalOf(folder, folders)
          ? { ...diagnostic(folder, 'a run was killed while it replaced files: this folder is part old, part new'), file: journalFileOf(folder) }
          : diagnostic(folder, `a run was killed before it replaced any file; its staged files and lock are left in ${RUN_FOLDER}/`),
      );
    } catch (error) {
      if (!(error instanceof OutputBlockedError)) throw error;
      found.push(error.diagnostic);
    }
  }
  return found;
}

function diagnostic(folder: string, message: string, hint = '`check` writes nothing: run `contractgen generate`, which completes or rolls back the interrupted run, then check again'): Diagnostic {
  return { code: 'CG304', severity: 'error', file: runFolderOf(folder), message, hint };
}

function interrupted(folder: string, message: string, hint: string): OutputBlockedError {
  return new OutputBlockedError({ ...diagnostic(folder, message, hint), file: journalFileOf(folder) });
}

function journalOf(folder: string, folders: readonly string[]): Step[] | undefined {
  try {
    return refusing(() => readJournal(folder, folders));
  } catch (error) {
    if (error instanceof OutputBlockedError) throw error;
    throw interrupted(
      folder,
      `the journal of a killed run cannot be read (${(error as Error).message}); this folder may be part old, part new`,
      `delete ${RUN_FOLDER}/ and run \`contractgen generate\`: it rewrites every file that differs from what the specs produce`,
    );
  }
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
