/** The work a thread does for a run: plain-data tasks and results, the same in a worker and in process. */
import type { SpecKind } from '../load/model.js';
import type { AdapterScan, SpecFileProcessor, SpecFileResult, TaskSettings } from '../pipeline/spec-file.js';
import { probes } from '../probes.js';

export type Task = { readonly kind: 'spec'; readonly file: string; readonly specKind: SpecKind } | { readonly kind: 'adapters'; readonly files: readonly string[] };

/** What a worker thread starts with: the run's settings, and the module that sets its probes, if a test gave one (probes.ts). */
export interface WorkerData {
  readonly settings: TaskSettings;
  readonly probeModule?: string;
}

export type TaskResult<T extends Task> = T extends { kind: 'spec' } ? SpecFileResult : AdapterScan;

export function runTask(processor: SpecFileProcessor, task: Task): Promise<SpecFileResult | AdapterScan> {
  if (task.kind === 'spec') probes.specTask?.(task.file);
  return task.kind === 'spec' ? processor.process(task.file, task.specKind) : Promise.resolve(processor.scanAdapters(task.files));
}

/** A task as diagnostics name it: the spec file, or the adapter files. */
export function taskSubject(task: Task): string {
  return task.kind === 'spec' ? task.file : task.files.join(', ');
}
