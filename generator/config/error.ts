/** A config file that cannot be read or says something wrong: CG160, reported like every diagnostic (exit 2). */
import type { Diagnostic, SourcePosition } from '../diagnostics/index.js';

export class ConfigError extends Error {
  readonly diagnostic: Diagnostic;

  /** `file`: the config file; none for an option given to `generate()`. */
  constructor(file: string | undefined, message: string, position?: Omit<SourcePosition, 'file'>) {
    super(message);
    this.name = 'ConfigError';
    this.diagnostic = { code: 'CG160', severity: 'error', ...(file && { file }), ...position, message };
  }
}
