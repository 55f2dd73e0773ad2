import type { ManualClock } from '@contractgen/runtime';

/** Runs the manual clock until nothing sleeps, then how `promise` settled (it never rejects). */
export async function settle<T>(clock: ManualClock, promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  const result = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await clock.runAll();
  return result;
}
