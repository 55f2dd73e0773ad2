/**
 * Finds where a source file nests brackets deeper than the parser can safely go, with the
 * TypeScript scanner (strings, comments and template literals are not brackets). A regular
 * expression literal is scanned as operators, which can only over-count inside one; nothing else
 * in a spec file is ambiguous to a scanner.
 */
import { ts, type TS } from './typescript.js';

/** The offset of the first bracket that opens more than `limit` levels deep, or undefined. */
export function excessiveNesting(text: string, limit: number): number | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  // What each open bracket is; a `${` of a template literal is closed by a `}` that continues the template.
  const open: TS.SyntaxKind[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    switch (token) {
      case ts.SyntaxKind.OpenBraceToken:
      case ts.SyntaxKind.OpenBracketToken:
      case ts.SyntaxKind.OpenParenToken:
      case ts.SyntaxKind.TemplateHead:
        open.push(token);
        if (open.length > limit) return scanner.getTokenStart();
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (open[open.length - 1] === ts.SyntaxKind.TemplateHead && scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateMiddle) break;
        open.pop();
        break;
      case ts.SyntaxKind.CloseBracketToken:
      case ts.SyntaxKind.CloseParenToken:
        open.pop();
        break;
    }
  }
  return undefined;
}
