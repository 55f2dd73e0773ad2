/**
 * Where a test can stop or break a real run: points the code calls, each doing nothing unless a
 * test set it. An internal seam (not exported by the package, not read from the environment or any
 * input), set by the tests' own entry to the CLI (test/support/probed-cli.mjs, which sets them
 * before it runs the CLI's main) and by tests that run contractgen in their own process.
 */
export interface Probes {
  /** After each rename or removal of a commit or of completing a killed run (`done` = steps so far; 0 right after the commit point). */
  stepDone?: (done: number) => void;
  /** Once a run has read and processed every input, before it checks them again and writes. */
  inputsRead?: () => void;
  /** Before the task on a spec file runs, in the thread that runs it. */
  specTask?: (file: string) => void;
  /** A module each worker thread imports before its first task (a URL): where a test sets the probes of a worker. */
  workerModule?: string;
  /** How long a run goes before the CLI shows its progress line (default: a second). */
  progressAfterMs?: number;
}

export const probes: Probes = {};
