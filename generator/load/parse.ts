/**
 * Parses a source file with the TypeScript compiler bundled with ts-morph (`ts.createSourceFile`):
 * read node by node, never type-checked or executed. A file nested deeper than the parser can go
 * is not parsed at all (CG105 at the bracket that goes too deep), so the parser never overflows
 * the stack; the rare deep nesting without brackets (thousands of signs in a row) is caught as
 * the overflow itself.
 */
import { ts, type TS } from './typescript.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { MAX_SOURCE_NESTING } from './limits.js';
import { excessiveNesting } from './nesting.js';
import { positionAt, positionInText } from './positions.js';

export interface ParsedModule {
  readonly file: string;
  readonly text: string;
  readonly sourceFile: TS.SourceFile;
  /** Syntax errors (CG100) and nesting too deep to parse (CG105): the tree is not to be evaluated. */
  readonly problems: readonly Diagnostic[];
}

export function parseModule(file: string, text: string): ParsedModule {
  const tooDeep = excessiveNesting(text, MAX_SOURCE_NESTING);
  if (tooDeep !== undefined) return unparsed(file, text, tooDeep, `brackets nest more than ${MAX_SOURCE_NESTING} levels deep here`);
  let sourceFile: TS.SourceFile;
  try {
    sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return unparsed(file, text, 0, 'the file nests expressions too deeply to be parsed');
  }
  const parseDiagnostics = (sourceFile as unknown as { parseDiagnostics: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const problems = parseDiagnostics.map((d): Diagnostic => ({
    code: 'CG100',
    severity: 'error',
    message: `syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    ...positionAt(sourceFile, d.start),
  }));
  return { file, text, sourceFile, problems };
}

/** A module whose tree is empty, with the reason it was not parsed. */
function unparsed(file: string, text: string, offset: number, message: string): ParsedModule {
  return {
    file,
    text,
    sourceFile: ts.createSourceFile(file, '', ts.ScriptTarget.Latest, true, ts.ScriptKind.TS),
    problems: [{ code: 'CG105', severity: 'error', message, hint: 'a spec is data a person reads: flatten it, or name the inner parts as constants', ...positionInText(file, text, offset) }],
  };
}
