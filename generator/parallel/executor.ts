/**
 * Where a run's per-file tasks execute: in this thread, or on a pool of worker threads. Starting
 * a worker costs about a third of a second (its module graph loads afresh), so small runs,
 * incremental runs and watch-mode rebuilds stay in this thread, and a large cold run spreads its
 * per-file work across the cores. Output is the same either way.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { IntegrationContext } from '../pipeline/spec-file.js';
import type { SpecFileProcessor, TaskSettings } from '../pipeline/spec-file.js';
import { RunStopped } from './errors.js';
import { WorkerPool } from './pool.js';
import { runTask, type Task, type TaskResult } from './tasks.js';

export interface Executor {
  run<T extends Task>(task: T): Promise<TaskResult<T>>;
  /** The context integration tasks are processed in (set once the capabilities are known). */
  setContext(context: IntegrationContext): void;
  close(): Promise<void>;
}

/** Below this many files to process, threads cost more than they save (measured: see BENCHMARKS.md). */
const MIN_WORK = 400;
const MAX_WORKERS = 4;

/**
 * Worker threads for a run of `work` files: `requested` when given, else one per core but one
 * (none on one core). The main thread is busy too: it hashes, compares and writes every file the
 * workers return, and on two cores one worker finished as fast as two (BENCHMARKS.md) with a
 * third less memory: each worker holds its own parser, ajv and type converter, about 90 MB.
 */
export function workerCount(requested: number | 'auto', work: number): number {
  if (work <= 0) return 0;
  if (requested !== 'auto') return Math.max(0, Math.floor(requested));
  const cores = availableParallelism();
  return work >= MIN_WORK && cores > 1 ? Math.min(cores - 1, MAX_WORKERS) : 0;
}

/**
 * `stopped`: once it says so (the run was interrupted), tasks not yet started fail with RunStopped
 * instead of running. `kept`: this thread's processor from an earlier run with the same settings (watch mode).
 */
export async function createExecutor(settings: TaskSettings, workers: number, stopped: () => boolean = () => false, kept?: SpecFileProcessor): Promise<Executor> {
  if (workers > 0) {
    const pool = new WorkerPool(workers, settings, stopped);
    return { run: (task) => pool.run(task), setContext: (context) => pool.setContext(context), close: () => pool.close() };
  }
  const processor: SpecFileProcessor = kept ?? new (await import('../pipeline/spec-file.js')).SpecFileProcessor(settings);
  // One task at a time: a file's work is done (and its output written) before the next is parsed.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    run: <T extends Task>(task: T) => {
      const next = previous.then(async () => {
        // Between tasks, let the event loop run: a Ctrl-C must be able to stop a long run.
        await yieldToEventLoop();
        if (stopped()) throw new RunStopped();
        return runTask(processor, task) as Promise<TaskResult<T>>;
      });
      previous = next.catch(() => undefined);
      return next;
    },
    setContext: (context) => processor.setContext(context),
    close: async () => undefined,
  };
}
