/**
 * Points where a test can stop or break a real run from outside, all in one place: each does
 * nothing unless its environment variable is set, and no user has a reason to set one.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * For test/input-changed.test.ts only: with CONTRACTGEN_TEST_PAUSE_FILE set, a run that has read
 * and processed every input creates that file and waits (up to 60 s) until the test deletes it,
 * so the test can edit an input at the last moment before the run checks its inputs and writes.
 */
export function pauseForTests(): void {
  const marker = process.env.CONTRACTGEN_TEST_PAUSE_FILE;
  if (!marker) return;
  writeFileSync(marker, `${process.pid}\n`);
  const deadline = Date.now() + 60_000;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(marker) && Date.now() < deadline) Atomics.wait(nap, 0, 0, 20);
}


/**
 * For test/crash.test.ts only: CONTRACTGEN_TEST_KILL_AFTER_RENAMES=k makes a run kill itself
 * (SIGKILL: nothing of ours runs after it) once k renames/deletions are done, its journal being
 * written (k = 0: right after the commit point). It applies to completing a killed run as well, so
 * a test can stop a real run at any point of its write phase, and again while it recovers.
 */
export function killAfterRenamesForTests(): ((done: number) => void) | undefined {
  const setting = process.env.CONTRACTGEN_TEST_KILL_AFTER_RENAMES;
  if (setting === undefined) return undefined;
  const limit = Number(setting);
  return (done) => {
    if (done === limit) process.kill(process.pid, 'SIGKILL');
  };
}

/**
 * For test/parallel.test.ts only: CONTRACTGEN_TEST_WORKER_DIES_ON=name makes a worker thread die
 * on the spec file of that name, to test that the pool retries it and then names it. With
 * CONTRACTGEN_TEST_WORKER_DIES_ONCE=marker too, only the first worker to create that marker file
 * dies: the retry on another worker succeeds.
 */
export function dieOnFileForTests(file: string): void {
  const dieOn = process.env.CONTRACTGEN_TEST_WORKER_DIES_ON;
  if (!dieOn || isMainThread || !file.endsWith(dieOn)) return;
  const once = process.env.CONTRACTGEN_TEST_WORKER_DIES_ONCE;
  if (once) {
    try {
      writeFileSync(once, `${file}\n`, { flag: 'wx' });
    } catch {
      return;
    }
  }
  process.exit(70);
}

/**
 * For test/progress.test.ts only: CONTRACTGEN_TEST_PROGRESS_AFTER_MS replaces the second a run
 * takes before the CLI shows its progress line, so a small project can show it.
 */
export function progressDelayForTests(): number | undefined {
  const setting = process.env.CONTRACTGEN_TEST_PROGRESS_AFTER_MS;
  return setting === undefined ? undefined : Number(setting);
}
