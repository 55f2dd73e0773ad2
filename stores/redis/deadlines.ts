/**
 * The deadlines of one connection's waits on Redis, watched by one timer for all of them.
 *
 * A take is on the path of every call: a timer set and cleared per command, and a promise to race
 * against, cost more than the rest of the client's side of a take. Here a wait is an entry in a
 * set; the one timer is armed for the earliest deadline and, as every wait of a connection is
 * about as long, is seldom re-armed: it fires about once per timeout, checks the waits, and arms
 * itself for the next deadline. It keeps the process alive only while a wait is pending, as a
 * timer per command did.
 */
export interface Deadlines {
  /**
   * Settles as `work` does, unless `due` (a `performance.now()` time) passes first: then rejects
   * with `expired()`, and what `work` settles with later is ignored.
   */
  within<T>(work: Promise<T>, due: number, expired: () => Error): Promise<T>;
}

interface Wait {
  readonly due: number;
  readonly expire: () => void;
}

export function createDeadlines(): Deadlines {
  const waits = new Set<Wait>();
  let timer: NodeJS.Timeout | undefined;
  let timerDue = Infinity;

  function arm(due: number): void {
    if (timer === undefined || due < timerDue) {
      clearTimeout(timer);
      timerDue = due;
      timer = setTimeout(fire, Math.max(0, due - performance.now()));
    }
    timer.ref();
  }

  function fire(): void {
    timer = undefined;
    timerDue = Infinity;
    const firedAt = performance.now();
    // One more turn of the event loop first: after the loop was blocked for longer than a
    // deadline, timers run before pending socket reads, and an answer that did arrive in time
    // would lose the race to the timer.
    setImmediate(() => {
      let next = Infinity;
      for (const wait of waits) {
        if (wait.due <= firedAt) {
          waits.delete(wait);
          wait.expire();
        } else {
          next = Math.min(next, wait.due);
        }
      }
      if (next < Infinity) arm(next);
    });
  }

  function settled(wait: Wait): void {
    waits.delete(wait);
    if (waits.size === 0) timer?.unref();
  }

  return {
    within(work, due, expired) {
      return new Promise((resolve, reject) => {
        const wait: Wait = { due, expire: () => reject(expired()) };
        waits.add(wait);
        arm(due);
        work.then(
          (value) => {
            settled(wait);
            resolve(value);
          },
          (error: unknown) => {
            settled(wait);
            reject(error);
          },
        );
      });
    },
  };
}
