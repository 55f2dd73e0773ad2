/**
 * The only ways spec text enters generated files. Every string from a spec goes through one of
 * these, so no quote, backtick, `${`, `*​/`, newline or U+2028 can break out of where it is put.
 */
/** A TypeScript/JavaScript string literal (JSON escaping plus the line separators JSON leaves raw). */
export function tsString(value) {
    return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A TypeScript literal for JSON-like data, indented two spaces per level, keys quoted only when needed. */
export function tsLiteral(value, indent = '') {
    if (value === null || typeof value === 'boolean')
        return String(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new Error(`cannot emit the number ${value}`);
        return Object.is(value, -0) ? '-0' : String(value);
    }
    if (typeof value === 'string')
        return tsString(value);
    const inner = indent + '  ';
    if (Array.isArray(value)) {
        if (value.length === 0)
            return '[]';
        return `[\n${value.map((item) => inner + tsLiteral(item, inner)).join(',\n')},\n${indent}]`;
    }
    if (typeof value === 'object') {
        const entries = Object.entries(value);
        if (entries.length === 0)
            return '{}';
        const key = (k) => (IDENTIFIER.test(k) && k !== '__proto__' ? k : tsString(k));
        return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${tsLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
    }
    throw new Error(`cannot emit a ${typeof value} as a literal`);
}
/** Text for inside a `/** ... *\/` comment: no early close, one ` * ` per line. */
export function docCommentText(text, indent = '') {
    return text
        .replace(/\*\//g, '*\\/')
        .split(/\r\n|\r|\n|\u2028|\u2029/)
        .map((line, i) => (i === 0 ? line : `${indent} * ${line}`.trimEnd()))
        .join('\n');
}
/** Markdown inline text: no HTML, no stray emphasis/links, one line. */
export function mdText(text) {
    return text
        .replace(/\\/g, '\\\\')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([`*_[\]|#~])/g, '\\$1')
        .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>');
}
/** Markdown table cell: like mdText, and empty cells stay visibly empty. */
export function mdCell(text) {
    return text === undefined || text === null || text === '' ? '-' : mdText(text);
}
/** Inline code for a table cell, surviving backticks and pipes inside (code spans cannot escape, so pick a longer fence). */
export function mdCodeCell(text) {
    const flat = text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ');
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    // Inside a table a pipe ends the cell even in a code span; GFM allows \| there.
    return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}
/** A fenced code block's fence: longer than any backtick run in the content. */
export function mdFence(content) {
    const longest = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
    return '`'.repeat(Math.max(3, longest + 1));
}
//# sourceMappingURL=escape.js.map