/**
 * Stage timings (`--timings`, `GenerateResult.timings`): one object per run, passed to each part
 * that times itself, so every stage is timed the same way and adds up in one place.
 */
export class Profiler {
  /** Milliseconds per stage, summed over every time the stage ran. */
  readonly timings: Record<string, number>;

  /** `stages`: stages reported even when they take no time (a spec file's four). */
  constructor(stages: readonly string[] = []) {
    this.timings = Object.fromEntries(stages.map((stage) => [stage, 0]));
  }

  /** Times `run` under `stage` (until its promise settles, for async work). */
  time<T>(stage: string, run: () => T): T {
    const start = performance.now();
    const stop = () => this.add(stage, performance.now() - start);
    let value;
    try {
      value = run();
    } catch (error) {
      stop();
      throw error;
    }
    if (value instanceof Promise) return value.finally(stop) as typeof value;
    stop();
    return value;
  }

  add(stage: string, ms: number): void {
    this.timings[stage] = (this.timings[stage] ?? 0) + ms;
  }

  /** Adds the timings of work done elsewhere (a spec file's stages, on a worker thread). */
  merge(timings: Readonly<Record<string, number>>): void {
    for (const [stage, ms] of Object.entries(timings)) this.add(stage, ms);
  }

  /** A stopwatch for work whose stages follow each other: each call charges the time since the last one (or since this call) to `stage`. */
  laps(): (stage: string) => void {
    let mark = performance.now();
    return (stage) => {
      const now = performance.now();
      this.add(stage, now - mark);
      mark = now;
    };
  }
}
