/**
 * Runs fuzz cases on worker threads, each with a project of its own that every case finds in the
 * same state (project.ts), so a case's outcome does not depend on which thread ran it or after
 * what. A thread is the unit a case can be stopped in: a case that gives no answer within the time
 * limit is a finding (a hang: an endless loop, or a read that blocks on a FIFO), and its thread is
 * replaced, so one hang neither stops the run nor hides the cases after it. Threads load the
 * TypeScript sources through tsx, like the long run's main thread, so the suite and `npm run fuzz`
 * run the same code.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FuzzCase } from './case.js';
import type { CaseOutcome } from './project.js';

export interface PoolOptions {
  readonly threads: number;
  /** Per case; a case that takes longer is reported as a hang. */
  readonly caseTimeoutMs: number;
  /** Folder the threads' projects go in. */
  readonly projectsDir: string;
  readonly onOutcome?: (fuzzCase: FuzzCase, outcome: CaseOutcome) => void;
}

export interface Finding {
  readonly fuzzCase: FuzzCase;
  readonly problem: string;
}

export interface PoolReport {
  /** Cases run: every case given, each to its end. */
  readonly cases: number;
  readonly ok: number;
  readonly withErrors: number;
  readonly written: number;
  readonly findings: Finding[];
  /** Each case's outcome by label (ok or not, and its diagnostics' codes): the same for a case whenever and wherever it runs. */
  readonly outcomes: ReadonlyMap<string, string>;
  /** Wall time spent on cases, thread start-up excluded. */
  readonly ms: number;
}

const WORKER = new URL('./worker.ts', import.meta.url).href;
/** Loading ts-morph, ajv and the generator through tsx, on a loaded 2-core machine. */
const START_TIMEOUT_MS = 120_000;

class Thread {
  private readonly worker: Worker;
  readonly ready: Promise<void>;
  private pending: ((outcome: CaseOutcome | Error) => void) | undefined;

  constructor(dir: string) {
    this.worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); })`, { eval: true, workerData: { dir } });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a fuzz thread did not start')), START_TIMEOUT_MS);
      this.worker.once('message', () => {
        clearTimeout(timer);
        this.worker.on('message', (outcome: CaseOutcome) => this.settle(outcome));
        resolve();
      });
    });
    this.worker.on('error', (error) => this.settle(error));
  }

  run(fuzzCase: FuzzCase, timeoutMs: number): Promise<CaseOutcome | Error> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(new Error(`no answer within ${timeoutMs} ms: a hang`)), timeoutMs);
      this.pending = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      this.worker.postMessage(fuzzCase);
    });
  }

  /** Not awaited: a thread blocked in a system call (a FIFO read) never finishes terminating. */
  stop(): void {
    void this.worker.terminate();
  }

  private settle(outcome: CaseOutcome | Error): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(outcome);
  }
}

export async function runCases(cases: Iterable<FuzzCase>, options: PoolOptions): Promise<PoolReport> {
  const iterator = cases[Symbol.iterator]();
  const findings: Finding[] = [];
  const outcomes = new Map<string, string>();
  let [count, ok, withErrors, written, spawned] = [0, 0, 0, 0, 0];
  const startThread = async () => {
    const thread = new Thread(join(options.projectsDir, `thread-${spawned++}`));
    await thread.ready;
    return thread;
  };
  let threads = await Promise.all(Array.from({ length: options.threads }, startThread));
  const start = performance.now();
  const drive = async (slot: number) => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const fuzzCase = next.value;
      const outcome = await threads[slot]!.run(fuzzCase, options.caseTimeoutMs);
      count++;
      if (outcome instanceof Error) {
        findings.push({ fuzzCase, problem: outcome.message });
        outcomes.set(fuzzCase.label, outcome.message);
        threads[slot]!.stop();
        threads[slot] = await startThread();
        continue;
      }
      options.onOutcome?.(fuzzCase, outcome);
      outcomes.set(fuzzCase.label, `${outcome.ok ? 'ok' : 'failed'}: ${outcome.codes.join(', ')}`);
      if (outcome.ok) ok++;
      if (outcome.errors > 0) withErrors++;
      if (outcome.ok && fuzzCase.mode === 'write') written++;
      for (const problem of outcome.violations) findings.push({ fuzzCase, problem });
    }
  };
  try {
    await Promise.all(threads.map((_thread, slot) => drive(slot)));
  } finally {
    threads.forEach((thread) => thread.stop());
  }
  threads = [];
  return { cases: count, ok, withErrors, written, findings, outcomes, ms: performance.now() - start };
}
