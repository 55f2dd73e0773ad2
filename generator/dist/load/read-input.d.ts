/**
 * The one way a run reads an input file (spec, import, adapter, template, config): inside the
 * run's folders (input-boundary.ts), a regular file (a FIFO named `x.ts` would block the run
 * forever, a device would never end), and UTF-8 (anything else would silently become U+FFFD).
 * Each refusal is an InputFileError carrying the diagnostic to report.
 */
import { type Stats } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import type { InputBoundary } from './input-boundary.js';
export declare class InputFileError extends Error {
    readonly diagnostic: Diagnostic;
    constructor(diagnostic: Diagnostic);
}
/** CG104: an input file that is never read. */
export declare function refusedFile(file: string, why: string): Diagnostic;
/**
 * The text of an input file, or an InputFileError (refused, or not UTF-8); other read errors are
 * thrown as they are. `lossy`: decode bytes that are not UTF-8 as U+FFFD instead (for the code
 * frame of the diagnostic that says so).
 */
export declare function readInputText(file: string, boundary: InputBoundary, options?: {
    lossy?: boolean;
}): string;
/**
 * The bytes of a regular file. Opened without blocking (opening a FIFO for reading would wait for
 * a writer) and checked on the open descriptor, so the file cannot be swapped between check and read.
 * `noFollow`: the path is a real path already, and a symlink put in its place is refused.
 */
export declare function readRegularFile(path: string, options?: {
    noFollow?: boolean;
}, shownAs?: string): Buffer;
/** What a file that is not a regular file is, for messages. */
export declare function describeSpecialFile(entry: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory' | 'isSymbolicLink'>): string;
/** Bytes -> text, refusing invalid UTF-8 with the position of the first bad byte (CG100). A BOM is kept, as `readFileSync(f, 'utf8')` keeps it. */
export declare function decodeUtf8(bytes: Uint8Array, file: string): string;
//# sourceMappingURL=read-input.d.ts.map