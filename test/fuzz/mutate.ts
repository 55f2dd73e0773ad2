/**
 * Mutation fuzzing of real specs: random edits at the token level (the TypeScript scanner splits
 * the seed, so an edit lands on a token, not inside one), then optionally at the byte level. A
 * mutation is plain data (which operation, where as a fraction of the candidates, which odd value),
 * so fast-check can generate, replay and shrink it.
 */
import { ts } from 'ts-morph';
import { EXTREME_NUMBERS, NESTING_DEPTHS, nestedSource, ODD_KEYS, ODD_REFS, ODD_STRINGS, stringSource } from './odd-values.js';

export const TOKEN_OPERATIONS = ['delete', 'duplicate', 'swap', 'number', 'string', 'key', 'nest', 'insert'] as const;
export const BYTE_OPERATIONS = ['latin1', 'invalid-byte', 'nul-byte', 'bom', 'crlf', 'truncate'] as const;

export interface TokenMutation {
  readonly op: (typeof TOKEN_OPERATIONS)[number];
  /** Which candidate token, as a fraction of their count. */
  readonly at: number;
  /** Which odd value (modulo the list's length). */
  readonly pick: number;
  /** Raw string or JSON-escaped, for `string`. */
  readonly raw: boolean;
}

export interface ByteMutation {
  readonly op: (typeof BYTE_OPERATIONS)[number];
  readonly at: number;
}

/** Snippets inserted between tokens: syntax that is valid somewhere, or that a loader must refuse well. */
const SNIPPETS = [
  'module.exports = ',
  'exports.spec = ',
  '...',
  ' as const',
  ' satisfies unknown',
  '$ref: "#", ',
  "$ref: 'http://example.com/x', ",
  '__proto__: { polluted: true }, ',
  "'__proto__': { polluted: true }, ",
  'constructor: { type: "string" }, ',
  'toString: "x", ',
  'maxLength: 1e400, ',
  'minimum: -1e400, ',
  'pattern: "(", ',
  '/* comment */',
  '// comment\n',
  '`${x}`',
  '`',
  "'",
  '"',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '=',
  '- -',
  '!',
  'defineIntegration({})',
  'export const extra = defineCapability({});\n',
  'export default ',
  "import { limits } from '../../../../../../etc/passwd.ts';\n",
  "import * as self from './target.ts';\n",
  'undefined',
  'Symbol()',
  '10n',
  '\u0000',
  '\u202e',
] as const;

interface Token {
  readonly kind: ts.SyntaxKind;
  readonly start: number;
  readonly end: number;
}

function tokens(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const found: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    found.push({ kind, start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
  }
  return found;
}

const pickFrom = <T>(list: readonly T[], at: number): T | undefined => (list.length ? list[Math.min(list.length - 1, Math.floor(at * list.length))] : undefined);
const cycle = <T>(list: readonly T[], pick: number): T => list[pick % list.length]!;
const splice = (text: string, token: Token, replacement: string) => text.slice(0, token.start) + replacement + text.slice(token.end);

/** One token-level edit; the text unchanged when there is no candidate for it. */
export function applyTokenMutation(text: string, mutation: TokenMutation): string {
  const all = tokens(text);
  const { op, at, pick } = mutation;
  const isString = (t: Token) => t.kind === ts.SyntaxKind.StringLiteral || t.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral;
  switch (op) {
    case 'delete': {
      const token = pickFrom(all, at);
      return token ? splice(text, token, '') : text;
    }
    case 'duplicate': {
      const token = pickFrom(all, at);
      return token ? splice(text, token, text.slice(token.start, token.end).repeat(2 + (pick % 3))) : text;
    }
    case 'swap': {
      const index = Math.min(all.length - 2, Math.floor(at * all.length));
      if (index < 0) return text;
      const [a, b] = [all[index]!, all[index + 1]!];
      return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
    }
    case 'number': {
      const token = pickFrom(all.filter((t) => t.kind === ts.SyntaxKind.NumericLiteral), at);
      return token ? splice(text, token, cycle(EXTREME_NUMBERS, pick)) : text;
    }
    case 'string': {
      const token = pickFrom(all.filter(isString), at);
      const value = pick % 5 === 4 ? cycle(ODD_REFS, pick) : cycle(ODD_STRINGS, pick);
      return token ? splice(text, token, stringSource(value, mutation.raw)) : text;
    }
    case 'key': {
      // A property name: an identifier or string right before a colon.
      const keys = all.filter((t, i) => (t.kind === ts.SyntaxKind.Identifier || isString(t)) && all[i + 1]?.kind === ts.SyntaxKind.ColonToken);
      const token = pickFrom(keys, at);
      return token ? splice(text, token, stringSource(cycle(ODD_KEYS, pick), mutation.raw)) : text;
    }
    case 'nest': {
      // A value: the token right after a colon.
      const values = all.filter((_t, i) => all[i - 1]?.kind === ts.SyntaxKind.ColonToken);
      const token = pickFrom(values, at);
      const shapes = ['array', 'object', 'schema', 'parens', 'signs'] as const;
      return token ? splice(text, token, nestedSource(cycle(NESTING_DEPTHS, pick), cycle(shapes, Math.floor(pick / NESTING_DEPTHS.length)))) : text;
    }
    case 'insert': {
      const token = pickFrom(all, at);
      return token ? text.slice(0, token.start) + cycle(SNIPPETS, pick) + text.slice(token.start) : text + cycle(SNIPPETS, pick);
    }
  }
}

/** A byte-level edit of the encoded text: another encoding, bytes that are not UTF-8, NUL, BOM, CRLF, a cut. */
export function applyByteMutation(text: string, mutation: ByteMutation): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  const offset = Math.min(bytes.length, Math.floor(mutation.at * bytes.length));
  const insert = (extra: number[]) => Buffer.concat([bytes.subarray(0, offset), Buffer.from(extra), bytes.subarray(offset)]);
  switch (mutation.op) {
    case 'latin1':
      return Buffer.from(text.replace(/'[^'\n]*'/, "'café naïve'"), 'latin1');
    case 'invalid-byte':
      return insert([0xc3, 0x28, 0xff]);
    case 'nul-byte':
      return insert([0x00]);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 'crlf':
      return Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
    case 'truncate':
      return bytes.subarray(0, offset);
  }
}
