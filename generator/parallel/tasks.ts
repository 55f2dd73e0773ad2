/** The work a thread does for a run: plain-data tasks and results, the same in a worker and in process. */
import { isMainThread } from 'node:worker_threads';
import type { SpecKind } from '../load/model.js';
import type { AdapterScan, SpecFileProcessor, SpecFileResult } from '../pipeline/spec-file.js';

export type Task = { readonly kind: 'spec'; readonly file: string; readonly specKind: SpecKind } | { readonly kind: 'adapters'; readonly files: readonly string[] };

export type TaskResult<T extends Task> = T extends { kind: 'spec' } ? SpecFileResult : AdapterScan;

export function runTask(processor: SpecFileProcessor, task: Task): Promise<SpecFileResult | AdapterScan> {
  // A test-only hook: a worker that dies on one file, to test that the pool retries and then names it.
  const dieOn = process.env.CONTRACTGEN_TEST_WORKER_DIES_ON;
  if (dieOn && !isMainThread && task.kind === 'spec' && task.file.endsWith(dieOn)) process.exit(70);
  return task.kind === 'spec' ? processor.process(task.file, task.specKind) : Promise.resolve(processor.scanAdapters(task.files));
}

/** A task as diagnostics name it: the spec file, or the adapter files. */
export function taskSubject(task: Task): string {
  return task.kind === 'spec' ? task.file : task.files.join(', ');
}
