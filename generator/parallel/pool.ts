/**
 * A fixed pool of worker threads for the per-file work of a large run. Tasks go to the least busy
 * worker; each holds a few, so none idles while the main thread writes files. A worker that dies
 * (out of memory, a crash in a library) is replaced, and each task it held is tried once more on
 * another worker; a task that takes down a second worker fails, naming its file.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package.js';
import type { IntegrationContext } from '../pipeline/spec-file.js';
import type { TaskSettings } from '../pipeline/spec-file.js';
import { deserializeError, RunStopped, type SerializedError } from './errors.js';
import { taskSubject, type Task, type TaskResult, type WorkerData } from './tasks.js';
import { probes } from '../probes.js';

// Always the compiled worker, also when the pool itself runs from source (the tests): a worker
// thread starts without the parent's loader, so it can only run JavaScript.
const ENTRY = join(PACKAGE_ROOT, 'dist', 'parallel', 'worker.js');
const PER_WORKER = 8;

/**
 * Each worker's heap, kept small: V8 otherwise lets a busy heap grow to hundreds of MB before it
 * collects, and the process's memory is every thread's together. A spec file's work needs a few
 * MB; what stays live is the parser, ajv, the type converter and the templates (about 50 MB). The
 * young generation is where ajv's and the type converter's garbage dies: at 8 MB a quarter of a
 * large run went to scavenges, at 16 MB a fifth less time for 12 MB more (BENCHMARKS.md).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

interface Queued {
  readonly id: number;
  readonly task: Task;
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
  /** Workers that died while holding it. */
  deaths: number;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Queued>;
  dead: boolean;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

export class WorkerFailure extends Error {
  constructor(
    readonly subject: string,
    reason: string,
  ) {
    super(`the worker thread processing ${subject} died twice (${reason})`);
    this.name = 'WorkerFailure';
  }
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private nextId = 0;
  private closed = false;
  private context?: IntegrationContext;

  /** `stopped`: once it says so (the run was interrupted), queued tasks fail with RunStopped instead of being sent. */
  constructor(
    readonly size: number,
    private readonly settings: TaskSettings,
    private readonly stopped: () => boolean = () => false,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  run<T extends Task>(task: T): Promise<TaskResult<T>> {
    const result = new Promise<TaskResult<T>>((resolve, reject) => {
      if (this.closed) return reject(new Error('the worker pool was closed'));
      this.queue.push({ id: this.nextId++, task, resolve: resolve as (value: never) => void, reject, deaths: 0 });
      this.dispatch();
    });
    // When one task fails, a caller stops listening to the rest, which then fail as the pool
    // closes: those rejections are expected, not unhandled. A caller still awaiting one sees it.
    result.catch(() => undefined);
    return result;
  }

  /** Gives every worker (and every worker started later) the context integrations are processed in. */
  setContext(context: IntegrationContext): void {
    this.context = context;
    for (const slot of this.slots) slot.worker.postMessage({ context });
  }

  /** Stops every worker; tasks still pending fail. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the worker pool was closed');
    for (const queued of this.queue.splice(0)) queued.reject(error);
    for (const slot of this.slots) for (const queued of slot.pending.values()) queued.reject(error);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const workerData: WorkerData = { settings: this.settings, probeModule: probes.workerModule };
    const slot: Slot = { worker: new Worker(ENTRY, { workerData, resourceLimits: WORKER_HEAP }), pending: new Map(), dead: false };
    if (this.context) slot.worker.postMessage({ context: this.context });
    slot.worker.on('message', (reply: Reply) => {
      const queued = slot.pending.get(reply.id);
      if (!queued) return;
      slot.pending.delete(reply.id);
      if (reply.ok) queued.resolve(reply.result as never);
      else queued.reject(deserializeError(reply.error));
      this.dispatch();
    });
    slot.worker.on('error', (error) => this.died(slot, error.message));
    slot.worker.on('exit', (code) => this.died(slot, `exit code ${code}`));
    return slot;
  }

  private died(slot: Slot, reason: string): void {
    if (slot.dead || this.closed) return;
    slot.dead = true;
    const held = [...slot.pending.values()];
    slot.pending.clear();
    this.slots[this.slots.indexOf(slot)] = this.start();
    const retried = [];
    for (const queued of held) {
      queued.deaths++;
      if (queued.deaths >= 2) queued.reject(new WorkerFailure(taskSubject(queued.task), reason));
      else retried.push(queued);
    }
    // Tried again first, alone on its worker (the task that crashes the replacement is known), in
    // the order they were queued: an integration task waits for the capabilities, which come first,
    // so one retried ahead of them would hold its worker waiting for tasks queued behind it.
    this.queue.unshift(...retried);
    this.dispatch();
  }

  private dispatch(): void {
    if (this.stopped()) for (const queued of this.queue.splice(0)) queued.reject(new RunStopped());
    while (this.queue.length > 0 && !this.closed) {
      const next = this.queue[0]!;
      // A task that has seen a worker die runs alone, so a second death is its own.
      const limit = (s: Slot) => (next.deaths > 0 || [...s.pending.values()].some((q) => q.deaths > 0) ? 1 : PER_WORKER);
      // The least busy worker that can take it (one running a task alone cannot take another).
      const slot = this.slots.filter((s) => s.pending.size < limit(s)).reduce<Slot | undefined>((best, s) => (!best || s.pending.size < best.pending.size ? s : best), undefined);
      if (!slot) return;
      this.queue.shift();
      slot.pending.set(next.id, next);
      slot.worker.postMessage({ id: next.id, task: next.task });
    }
  }
}
