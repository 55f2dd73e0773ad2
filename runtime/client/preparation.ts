/**
 * An adapter's one-time preparation (loading its provider SDK, building the SDK client), run by
 * the kernel before a client's first request rather than inside it. Preparing sends nothing, so
 * it must not use up a per-attempt timeout (a 400 ms SDK load would fail every first call made
 * with a shorter limit), nor hold a rate-limit token while it runs, and an interrupted
 * preparation must never be reported as a request that may have been sent.
 */

export interface Preparation {
  /** True once preparation has succeeded: calls then skip it without an await. */
  readonly done: boolean;
  /**
   * Resolves once prepared; calls arriving meanwhile share the one run. Rejects with the
   * signal's reason as soon as `signal` aborts (the preparation goes on, for the next call).
   * A failed preparation is not kept: the next call tries again.
   */
  wait(signal?: AbortSignal): Promise<void>;
}

const PREPARED: Preparation = { done: true, wait: () => Promise.resolve() };

export function createPreparation(prepare: (() => Promise<void>) | undefined): Preparation {
  if (!prepare) return PREPARED;
  let running: Promise<void> | undefined;
  const preparation = {
    done: false,
    wait(signal?: AbortSignal): Promise<void> {
      if (preparation.done) return Promise.resolve();
      running ??= prepare().then(
        () => {
          preparation.done = true;
        },
        (error: unknown) => {
          running = undefined;
          throw error;
        },
      );
      return signal ? untilAborted(running, signal) : running;
    },
  };
  return preparation;
}

/** `promise`, or the signal's reason as soon as it aborts, whichever comes first. */
function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
