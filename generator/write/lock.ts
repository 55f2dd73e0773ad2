/**
 * One writer per output folder. The lock is a file in the run folder (`.contractgen-run/lock.json`)
 * naming its owner: pid, host, start time and run id. It is created with O_EXCL, so of two runs
 * only one gets it. A lock whose process is gone (same host, no such pid) is stale: a killed run
 * left it, and the next run takes it over. A live one is waited for, up to a timeout
 * (CONTRACTGEN_LOCK_TIMEOUT_MS, default two minutes), then the run fails naming the owner (CG305).
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { OutputBlockedError, refusing } from './blocked.js';
import { checkedRunFolder } from '../fs/output-path.js';
import { lockFileOf, runFolderOf } from '../fs/run-folder.js';
import { InputFileError, readRegularFile } from '../fs/read-input.js';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly run: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const POLL_MS = 50;
/** A lock file still empty after this long was left by a run killed between creating and filling it. */
const UNFILLED_LOCK_STALE_MS = 10_000;

export function lockTimeoutMs(): number {
  const value = Number(process.env.CONTRACTGEN_LOCK_TIMEOUT_MS);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_TIMEOUT_MS;
}

/** The locks of a run's output folders, taken together, given back together. */
export class OutputLocks {
  private constructor(
    private readonly run: string,
    private readonly held: string[],
    /** Folders created to hold a lock (the output folder of a first run): removed again if left empty. */
    private readonly createdFolders: string[],
  ) {}

  /**
   * Takes the lock of each folder, in the given order, waiting for a live owner. Synchronous, so the
   * writer can take it where it starts; while it waits no signal handler of ours is installed, so
   * Ctrl-C ends the process at once (it holds nothing yet). Throws OutputBlockedError (CG305) after
   * the timeout, and at once for a lock held by another run in this process (waiting would block
   * the very event loop that run needs to finish), or for a run folder that is a symlink (CG307).
   */
  static acquire(folders: readonly string[], run: string): OutputLocks {
    const locks = new OutputLocks(run, [], []);
    const deadline = Date.now() + lockTimeoutMs();
    try {
      for (const folder of folders) locks.take(folder, deadline);
    } catch (error) {
      locks.release();
      throw error;
    }
    return locks;
  }

  /** Removes our lock files, then the run folders and created output folders if nothing else is in them. */
  release(): void {
    for (const folder of this.held.splice(0).reverse()) {
      const file = lockFileOf(folder);
      if (readOwner(file)?.run === this.run) rmSync(file, { force: true });
      removeIfEmpty(runFolderOf(folder));
    }
    for (const folder of this.createdFolders.splice(0).reverse()) removeIfEmpty(folder);
  }

  private take(folder: string, deadline: number): void {
    const file = lockFileOf(folder);
    for (;;) {
      if (this.tryCreate(folder)) return;
      const state = lockState(file);
      if (state.kind === 'stale') takeOver(file, state.text, this.run);
      else if (state.kind === 'live') {
        if (state.owner?.pid === process.pid && state.owner.host === hostname()) throw lockedError(file, state.owner, 'another run in this process is writing it');
        if (Date.now() >= deadline) throw lockedError(file, state.owner, `waited ${lockTimeoutMs()} ms`);
        sleep(Math.min(POLL_MS, deadline - Date.now()));
      }
    }
  }

  private tryCreate(folder: string): boolean {
    const file = lockFileOf(folder);
    // The run folder is made, and the lock created, only in a real folder below a real output folder.
    refusing(() => checkedRunFolder(folder));
    const missing: string[] = [];
    for (let dir = runFolderOf(folder); !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
    mkdirSync(runFolderOf(folder), { recursive: true });
    // The run folder is removed with the lock; only the folders above it are remembered.
    for (const dir of missing.slice(0, -1)) if (!this.createdFolders.includes(dir)) this.createdFolders.push(dir);
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: the owner released and removed the run folder between our mkdir and open.
      if (code === 'EEXIST' || code === 'ENOENT') return false;
      throw error;
    }
    try {
      const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), run: this.run };
      writeSync(fd, JSON.stringify(owner) + '\n');
    } finally {
      closeSync(fd);
    }
    this.held.push(folder);
    return true;
  }
}

/** Waits, without taking them, until no live run holds the folders' locks: `check` writes nothing, not even a lock. */
export async function waitForWriters(folders: readonly string[]): Promise<void> {
  const deadline = Date.now() + lockTimeoutMs();
  for (const folder of folders) {
    for (let owner = liveOwner(folder); owner; owner = liveOwner(folder)) {
      if (Date.now() >= deadline) throw lockedError(lockFileOf(folder), owner.owner, `waited ${lockTimeoutMs()} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** The live run writing `folder` (its owner, when the lock names one), or undefined when no live run holds it. */
export function liveOwner(folder: string): { owner?: LockOwner } | undefined {
  const state = lockState(lockFileOf(folder));
  return state.kind === 'live' ? { owner: state.owner } : undefined;
}

type LockState = { kind: 'free' } | { kind: 'live'; owner?: LockOwner } | { kind: 'stale'; text: string };

function lockState(file: string): LockState {
  let text: string;
  try {
    text = readLockText(file);
  } catch (error) {
    // Not a regular file (a FIFO would block the run, a symlink points anywhere): not a lock any run wrote, so it is taken over.
    return error instanceof InputFileError || (error as NodeJS.ErrnoException).code === 'ELOOP' ? { kind: 'stale', text: '' } : { kind: 'free' };
  }
  const owner = parseOwner(text);
  if (!owner) {
    // Being written this instant, or left unfilled by a run killed right after creating it.
    return ageMs(file) > UNFILLED_LOCK_STALE_MS ? { kind: 'stale', text } : { kind: 'live' };
  }
  // Another host's processes cannot be seen from here: its lock counts as live.
  if (owner.host !== hostname()) return { kind: 'live', owner };
  // Our own pid: a run in this process, unless the lock is older than the process (a killed run
  // whose pid came round again, as in containers, where each run may get the same pid).
  if (owner.pid === process.pid) return Date.parse(owner.started) >= performance.timeOrigin - 1_000 ? { kind: 'live', owner } : { kind: 'stale', text };
  return processExists(owner.pid) ? { kind: 'live', owner } : { kind: 'stale', text };
}

/**
 * Moves the stale lock aside, then makes sure it was the stale one: two runs may both have judged
 * it stale, and the slower must not move away the lock the faster has just created. That one is
 * put back (link fails if a third run has created one meanwhile; that race is not covered).
 */
function takeOver(file: string, staleText: string, run: string): void {
  const aside = `${file}.${run}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // gone already: someone else took it over
    throw error;
  }
  try {
    if (readLockText(aside) !== staleText) linkSync(aside, file);
  } catch {
    // Could not be put back: the loop sees whatever is there now.
  }
  rmSync(aside, { force: true });
}

function lockedError(file: string, owner: LockOwner | undefined, why: string): OutputBlockedError {
  const who = owner ? `pid ${owner.pid} on ${owner.host}, started ${owner.started}` : 'a run that is starting';
  return new OutputBlockedError({
    code: 'CG305',
    severity: 'error',
    file,
    message: `the output folder is locked by another contractgen run (${who}); ${why}`,
    hint: `wait for that run to end (CONTRACTGEN_LOCK_TIMEOUT_MS sets how long a run waits); if no contractgen run is going on${owner ? ` (pid ${owner.pid} is another program)` : ''}, delete the lock file`,
  });
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return parseOwner(readLockText(file));
  } catch {
    return undefined;
  }
}

function readLockText(file: string): string {
  return readRegularFile(file, { noFollow: true }).toString('utf8');
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.run === 'string' && typeof owner.started === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (or gone): leave it.
  }
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread (the lock is taken synchronously; see `acquire`). */
function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(SLEEPER, 0, 0, ms);
}
