/** Source positions (1-based line and column) of offsets and syntax nodes. */
import { ts } from 'ts-morph';
export function positionAt(sourceFile, offset) {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
    return { file: sourceFile.fileName, line: line + 1, column: character + 1 };
}
/** The position of an offset in text that has no syntax tree (it was too deep to parse). */
export function positionInText(file, text, offset) {
    // The line breaks TypeScript counts, so positions agree with those of parsed files.
    const lines = text.slice(0, offset).split(/\r\n|\r|\n|\u2028|\u2029/);
    return { file, line: lines.length, column: lines[lines.length - 1].length + 1 };
}
export function positionOfNode(node) {
    const sourceFile = node.getSourceFile();
    let start = node.getStart(sourceFile);
    // An empty node (an array hole) starts right after the previous token: point at what follows it, not at the whitespace.
    if (start === node.getEnd())
        while (start < sourceFile.text.length && /\s/.test(sourceFile.text[start]))
            start++;
    return positionAt(sourceFile, start);
}
//# sourceMappingURL=positions.js.map