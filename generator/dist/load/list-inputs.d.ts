import type { Diagnostic } from '../diagnostics.js';
export interface InputListing {
    /** In a stable order: by name within each folder, a folder's files where the folder sorts. */
    readonly files: string[];
    readonly refused: Diagnostic[];
}
export interface ListOptions {
    /** Whether a file name is an input at all (other files are never looked at). */
    readonly wanted: (name: string) => boolean;
    /** Entries not looked at, by name (hidden files, node_modules). */
    readonly skipName?: (name: string) => boolean;
    /** Subfolders not descended into. */
    readonly skipFolder?: (path: string) => boolean;
    /** Leave out a subfolder that cannot be read, instead of failing the listing. */
    readonly skipUnreadable?: boolean;
}
/** Throws what reading `root` itself throws (ENOENT, EACCES): the caller knows what that folder is. */
export declare function listInputFiles(root: string, options: ListOptions): InputListing;
//# sourceMappingURL=list-inputs.d.ts.map