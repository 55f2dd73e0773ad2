/** What a run does when it is interrupted (Ctrl-C, a CI cancel). */
import type { Diagnostic } from '../diagnostics/index.js';
import { formatDiagnostic } from '../report/format.js';
import type { OutputSession } from '../write/write.js';

export const INTERRUPTED: Diagnostic = { code: 'CG303', severity: 'error', message: 'interrupted: nothing was written' };

/**
 * Ctrl-C or a CI cancel while files are staged: the staged files are removed, so the output
 * folder is left as it was. Unless someone else handles the signal (watch mode, a program calling
 * `generate`), which then gets CG303 as the run's result, the process says so and exits (130).
 * A run that writes nothing does not listen. `stopWork` is told when the run is being stopped, so
 * the work in progress ends early. Returns the function that stops listening.
 */
export function interruptible(output: OutputSession | undefined, stopWork: (stopping: boolean) => void): () => void {
  // A run that writes nothing (validate, check, list) has nothing to undo: it does not listen, so
  // the CLI's own listener reports CG303 and exits at once, whatever the run is busy with.
  if (!output) return () => {};
  stopWork(false);
  const interrupted = (signal: NodeJS.Signals) => {
    output.abort();
    stopWork(true);
    if (process.listenerCount(signal) > 0) return;
    process.stderr.write(`${formatDiagnostic(INTERRUPTED, { root: process.cwd() })}\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  };
}
