/**
 * A run that cannot write its output folder: another run holds it (CG305), or what a killed run
 * left cannot be completed (CG304). Thrown by the writer, turned into a failed result by
 * `generate`, so the user sees a diagnostic rather than an internal error.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { OutputPathError, refusedPath } from '../fs/output-path.js';

export class OutputBlockedError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'OutputBlockedError';
  }
}

/** Runs `touch`; a refused path becomes the OutputBlockedError (CG307) that stops the run before anything is touched. */
export function refusing<T>(touch: () => T): T {
  try {
    return touch();
  } catch (error) {
    if (error instanceof OutputPathError) throw new OutputBlockedError(refusedPath(error));
    throw error;
  }
}
