/**
 * The only ways spec text enters generated files. Every string from a spec goes through one of
 * these, so no quote, backtick, `${`, `*​/`, newline or U+2028 can break out of where it is put,
 * and no control character (NUL, ESC, DEL, C1) or bidirectional override reaches a file raw: in
 * code they become `\uXXXX` escapes, in comments and Markdown the same six characters, visibly.
 */

/** Control characters other than tab, line feed and carriage return (which each helper handles itself). */
const CONTROL = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
/** Bidirectional controls: they reorder how code reads without changing what it does ("Trojan Source"). */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL_OR_BIDI = new RegExp(`[${CONTROL}${BIDI}]`, 'g');
/** What may never appear raw in code: the above, and the line separators JavaScript once took for line ends. */
const INVISIBLE = new RegExp(`[${CONTROL}${BIDI}\\u2028\\u2029]`, 'g');
/** The same, line breaks included: for text that must stay on one line. */
const INVISIBLE_OR_BREAK = new RegExp(`[${CONTROL}${BIDI}\\u2028\\u2029\\n\\r]`, 'g');

/** `\u0000` for NUL: the JavaScript escape, and a visible stand-in in comments and Markdown. */
function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A TypeScript/JavaScript string literal (JSON escaping, plus what JSON leaves raw: DEL, C1, line separators, bidi controls). */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(INVISIBLE, unicodeEscape);
}

/**
 * TypeScript code a library wrote from spec data (json-schema-to-typescript, ajv's standalone
 * code): a raw control character there can only be inside a string literal, where the escape
 * means the same, or inside a comment, where it is inert text.
 */
export function tsCodeText(code: string): string {
  return code.replace(INVISIBLE, unicodeEscape);
}

/** What YAML may not hold raw, or what we never write raw: the invisible characters above, and YAML's two non-characters. */
const YAML_ESCAPED = new RegExp(`[${CONTROL}${BIDI}\\u2028\\u2029\\ufffe\\uffff]`, 'g');

/** A YAML double-quoted scalar: JSON's escapes are YAML's too, `\uXXXX` included. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(YAML_ESCAPED, unicodeEscape);
}

/**
 * Text for a YAML value whose lines follow at `indent`: a literal block (`|-`), readable, for text
 * of several lines that a block keeps exactly (nothing to escape, no tab or carriage return, its
 * first line neither empty nor indented, no line ending in a space, no final line break); else a double-quoted scalar.
 */
export function yamlText(value: string, indent: string): string {
  const literal = value.includes('\n') && !/^[ \n]|[\t\r]| \n|\s$/.test(value) && value.replace(YAML_ESCAPED, '') === value;
  return literal ? `|-\n${value.split('\n').map((line) => (line === '' ? '' : indent + line)).join('\n')}` : yamlString(value);
}

/** Text for inside a `//` comment: one line, no control characters. */
export function lineCommentText(text: string): string {
  return text.replace(INVISIBLE_OR_BREAK, unicodeEscape);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A key in an object literal: bare when it is an identifier, quoted otherwise. */
export function tsPropertyKey(key: string): string {
  // `__proto__: x` and `"__proto__": x` in an object literal both set the prototype; only a computed key is data.
  return key === '__proto__' ? `[${tsString(key)}]` : IDENTIFIER.test(key) ? key : tsString(key);
}

/** `.name`, or `["na-me"]` when the name is no identifier. */
export function tsPropertyAccess(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${tsString(key)}]`;
}

/**
 * A TypeScript literal for JSON-like data, indented two spaces per level, keys quoted only when
 * needed. `compact`: a short list of scalars, and a short object of one-line values, stay on one
 * line (`{ ref: ["body", "messages", 0] }`).
 */
export function tsLiteral(value: unknown, indent = '', compact = false): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot emit the number ${value}`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'string') return tsString(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (compact && value.every((item) => item === null || typeof item !== 'object')) {
      const line = `[${value.map((item) => tsLiteral(item)).join(', ')}]`;
      if (line.length <= 80) return line;
    }
    return `[\n${value.map((item) => inner + tsLiteral(item, inner, compact)).join(',\n')},\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const fields = entries.map(([k, v]) => `${tsPropertyKey(k)}: ${tsLiteral(v, inner, compact)}`);
    if (compact) {
      const line = `{ ${fields.join(', ')} }`;
      if (line.length <= 100 && !line.includes('\n')) return line;
    }
    return `{\n${fields.map((field) => inner + field).join(',\n')},\n${indent}}`;
  }
  throw new Error(`cannot emit a ${typeof value} as a literal`);
}

/** Text for inside a `/** ... *\/` comment: no early close, one ` * ` per line. */
export function docCommentText(text: string, indent = ''): string {
  return text
    .replace(/\*\//g, '*\\/')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line, i) => (i === 0 ? line : `${indent} * ${line}`.trimEnd()))
    .join('\n')
    .replace(CONTROL_OR_BIDI, unicodeEscape);
}

/** Markdown inline text: no HTML, no stray emphasis/links, one line. */
export function mdText(text: string): string {
  return text
    .replace(CONTROL_OR_BIDI, unicodeEscape)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]|#~])/g, '\\$1')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>');
}

/** Markdown table cell: like mdText, and empty cells stay visibly empty. */
export function mdCell(text: string | undefined | null): string {
  return text === undefined || text === null || text === '' ? '-' : mdText(text);
}

/** Inline code for a table cell, surviving backticks and pipes inside (code spans cannot escape, so pick a longer fence). */
export function mdCodeCell(text: string): string {
  const flat = text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ').replace(CONTROL_OR_BIDI, unicodeEscape);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  // Inside a table a pipe ends the cell even in a code span; GFM allows \| there.
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A fenced code block's fence: longer than any backtick run in the content. */
export function mdFence(content: string): string {
  const longest = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The content of a fenced code block (the spec's own source): exact, except that control
 * characters show as `\uXXXX`. U+2028/U+2029 stay: Markdown ends no line there, and the block
 * quotes the source as written.
 */
export function mdCodeBlockText(content: string): string {
  return content.replace(CONTROL_OR_BIDI, unicodeEscape);
}

/** A URL as Markdown autolink text: what would end it (`>`, whitespace, a pipe in a table) or hide in it, percent-encoded (the same URL). */
export function mdUrlText(url: string): string {
  return url.replace(new RegExp(`[<>\\s|\`\\\\${CONTROL}${BIDI}]`, 'g'), (c) => encodeURIComponent(c));
}
