import type { SourcePosition } from '../diagnostics/index.js';

/** The position of an offset in text that has no syntax tree (too deep to parse, or not TypeScript: a manifest, a journal). */
export function positionInText(file: string, text: string, offset: number): SourcePosition {
  // The line breaks TypeScript counts, so positions agree with those of parsed files.
  const lines = text.slice(0, offset).split(/\r\n|\r|\n|\u2028|\u2029/);
  return { file, line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
