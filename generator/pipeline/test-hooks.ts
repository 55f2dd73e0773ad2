/** Points where a test can stop a real run from outside: each does nothing unless its variable is set. */
import { existsSync, writeFileSync } from 'node:fs';

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

