/**
 * Diagnostics: one problem found by any stage, in the one format every reporter prints. Every
 * code, with its severity and meaning, is in codes.ts; the type lets a diagnostic have only a code
 * from there, with a severity that code has.
 */
import type { DIAGNOSTIC_CODES, DiagnosticCode } from './codes.js';

export { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes.js';

/** The codes whose table entry gives `severity`. */
type CodesOf<S extends string> = { [C in DiagnosticCode]: (typeof DIAGNOSTIC_CODES)[C]['severity'] extends S ? C : never }[DiagnosticCode];

/** The codes a diagnostic may have with severity error. */
export type ErrorCode = CodesOf<'error' | 'error or warning'>;
/** The codes a diagnostic may have with severity warning. */
export type WarningCode = CodesOf<'warning' | 'error or warning'>;

/** A code and a severity it has (codes.ts). */
export type CodeAndSeverity = { readonly code: ErrorCode; readonly severity: 'error' } | { readonly code: WarningCode; readonly severity: 'warning' };

export type Diagnostic = CodeAndSeverity & {
  readonly message: string;
  /** Absolute path of the file the problem is in, when it is in one. */
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  readonly hint?: string;
};

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
