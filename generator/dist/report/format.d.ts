import type { Diagnostic } from '../diagnostics.js';
export interface Colors {
    red(s: string): string;
    yellow(s: string): string;
    cyan(s: string): string;
    dim(s: string): string;
}
export declare const noColors: Colors;
/**
 * Text from input (source lines, spec strings quoted in messages, file names) as a terminal shows
 * it safely: control characters (an ESC starts a terminal command), line separators and bidirectional controls
 * become visible `\uXXXX`, tabs two spaces; line feeds stay (a message may span lines).
 */
export declare function terminalText(text: string): string;
/** Relative to the project root (`../` included), `/`-separated: the same on every machine. */
export declare function displayPath(file: string, root: string): string;
export declare function formatDiagnostic(diagnostic: Diagnostic, options: {
    root: string;
    sourceText?: (file: string) => string | undefined;
    colors?: Colors;
}): string;
//# sourceMappingURL=format.d.ts.map