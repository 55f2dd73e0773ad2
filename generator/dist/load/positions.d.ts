/** Source positions (1-based line and column) of offsets and syntax nodes. */
import { ts } from 'ts-morph';
import type { SourcePosition } from '../diagnostics.js';
export declare function positionAt(sourceFile: ts.SourceFile, offset: number): SourcePosition;
/** The position of an offset in text that has no syntax tree (it was too deep to parse). */
export declare function positionInText(file: string, text: string, offset: number): SourcePosition;
export declare function positionOfNode(node: ts.Node): SourcePosition;
//# sourceMappingURL=positions.d.ts.map