/** Source positions (1-based line and column) of offsets and syntax nodes. */
import { ts, type TS } from './typescript.js';
import type { SourcePosition } from '../diagnostics/index.js';

export { positionInText } from '../diagnostics/text-position.js';

export function positionAt(sourceFile: TS.SourceFile, offset: number): SourcePosition {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { file: sourceFile.fileName, line: line + 1, column: character + 1 };
}

export function positionOfNode(node: TS.Node): SourcePosition {
  const sourceFile = node.getSourceFile();
  let start = node.getStart(sourceFile);
  // An empty node (an array hole) starts right after the previous token: point at what follows it, not at the whitespace.
  if (start === node.getEnd()) while (start < sourceFile.text.length && /\s/.test(sourceFile.text[start]!)) start++;
  return positionAt(sourceFile, start);
}
