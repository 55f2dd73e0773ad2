/**
 * The only ways spec text enters generated files. Every string from a spec goes through one of
 * these, so no quote, backtick, `${`, `*​/`, newline or U+2028 can break out of where it is put,
 * and no control character (NUL, ESC, DEL, C1) or bidirectional override reaches a file raw: in
 * code they become `\uXXXX` escapes, in comments and Markdown the same six characters, visibly.
 */
/** A TypeScript/JavaScript string literal (JSON escaping, plus what JSON leaves raw: DEL, C1, line separators, bidi controls). */
export declare function tsString(value: string): string;
/**
 * TypeScript code a library wrote from spec data (json-schema-to-typescript, ajv's standalone
 * code): a raw control character there can only be inside a string literal, where the escape
 * means the same, or inside a comment, where it is inert text.
 */
export declare function tsCodeText(code: string): string;
/** Text for inside a `//` comment: one line, no control characters. */
export declare function lineCommentText(text: string): string;
/** A TypeScript literal for JSON-like data, indented two spaces per level, keys quoted only when needed. */
export declare function tsLiteral(value: unknown, indent?: string): string;
/** Text for inside a `/** ... *\/` comment: no early close, one ` * ` per line. */
export declare function docCommentText(text: string, indent?: string): string;
/** Markdown inline text: no HTML, no stray emphasis/links, one line. */
export declare function mdText(text: string): string;
/** Markdown table cell: like mdText, and empty cells stay visibly empty. */
export declare function mdCell(text: string | undefined | null): string;
/** Inline code for a table cell, surviving backticks and pipes inside (code spans cannot escape, so pick a longer fence). */
export declare function mdCodeCell(text: string): string;
/** A fenced code block's fence: longer than any backtick run in the content. */
export declare function mdFence(content: string): string;
/**
 * The content of a fenced code block (the spec's own source): exact, except that control
 * characters show as `\uXXXX`. U+2028/U+2029 stay: Markdown ends no line there, and the block
 * quotes the source as written.
 */
export declare function mdCodeBlockText(content: string): string;
/** A URL as Markdown autolink text: what would end it (`>`, whitespace, a pipe in a table) or hide in it, percent-encoded (the same URL). */
export declare function mdUrlText(url: string): string;
//# sourceMappingURL=escape.d.ts.map