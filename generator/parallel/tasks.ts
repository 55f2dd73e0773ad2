/** The work a thread does for a run: plain-data tasks and results, the same in a worker and in process. */
import type { SpecKind } from '../load/model.js';
import type { AdapterScan, SpecFileProcessor, SpecFileResult } from '../pipeline/spec-file.js';
import { dieOnFileForTests } from '../test-hooks.js';

export type Task = { readonly kind: 'spec'; readonly file: string; readonly specKind: SpecKind } | { readonly kind: 'adapters'; readonly files: readonly string[] };

export type TaskResult<T extends Task> = T extends { kind: 'spec' } ? SpecFileResult : AdapterScan;

export function runTask(processor: SpecFileProcessor, task: Task): Promise<SpecFileResult | AdapterScan> {
  if (task.kind === 'spec') dieOnFileForTests(task.file);
  return task.kind === 'spec' ? processor.process(task.file, task.specKind) : Promise.resolve(processor.scanAdapters(task.files));
}

/** A task as diagnostics name it: the spec file, or the adapter files. */
export function taskSubject(task: Task): string {
  return task.kind === 'spec' ? task.file : task.files.join(', ');
}
