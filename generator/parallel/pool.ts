/**
 * A fixed pool of worker threads for the per-spec work of a large run (rules and emitting), which
 * is CPU-bound and independent per spec. Tasks go to the least busy worker; each worker holds at
 * a few, so none idles while the main thread is busy writing files.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package.js';
import { deserializeError, type SerializedError } from './errors.js';
import type { Task, TaskResult } from './tasks.js';

// Always the compiled worker, also when the pool itself runs from source (the tests): a worker
// thread starts without the parent's loader, so it can only run JavaScript.
const ENTRY = join(PACKAGE_ROOT, 'dist', 'parallel', 'worker.js');
const PER_WORKER = 8;

interface Pending {
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { id: number; task: Task; pending: Pending }[] = [];
  private nextId = 0;
  private failure?: Error;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  run<T extends Task>(task: T): Promise<TaskResult<T>> {
    const result = new Promise<TaskResult<T>>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ id: this.nextId++, task, pending: { resolve: resolve as (value: never) => void, reject } });
      this.dispatch();
    });
    // When one task fails, a caller stops listening to the rest (Promise.all), which then fail as
    // the pool closes: those rejections are expected, not unhandled. A caller still awaiting one sees it.
    result.catch(() => undefined);
    return result;
  }

  /** Stops every worker; tasks still pending fail. */
  async close(): Promise<void> {
    this.fail(new Error('the worker pool was closed'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(ENTRY), pending: new Map() };
    slot.worker.on('message', (reply: Reply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result as never);
      else pending.reject(deserializeError(reply.error));
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash in a library) fails the whole run: its tasks
    // cannot be attributed to a spec any more, and retrying them elsewhere could crash again.
    slot.worker.on('error', (error) => this.fail(new Error(`a generator worker thread failed: ${error.message}`)));
    slot.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`a generator worker thread exited with code ${code}`));
    });
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.failure) {
      const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
      if (slot.pending.size >= PER_WORKER) return;
      const { id, task, pending } = this.queue.shift()!;
      slot.pending.set(id, pending);
      slot.worker.postMessage({ id, task });
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const slot of this.slots) {
      for (const pending of slot.pending.values()) pending.reject(error);
      slot.pending.clear();
    }
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }
}
