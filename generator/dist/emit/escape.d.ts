/**
 * The only ways spec text enters generated files. Every string from a spec goes through one of
 * these, so no quote, backtick, `${`, `*​/`, newline or U+2028 can break out of where it is put.
 */
/** A TypeScript/JavaScript string literal (JSON escaping plus the line separators JSON leaves raw). */
export declare function tsString(value: string): string;
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
//# sourceMappingURL=escape.d.ts.map