import type { GenerateOptions } from '../generate.js';
/** Flags as given on the command line (paths relative to the working directory). */
export interface FlagOptions {
    readonly specs?: string;
    readonly out?: string;
    readonly templates?: readonly string[];
    readonly config?: string;
}
export interface ProjectOptions extends GenerateOptions {
    readonly root: string;
    readonly configFile?: string;
    /** Template override folders, absolute (for watch mode). */
    readonly templates: readonly string[];
}
export declare function projectOptions(cwd: string, flags?: FlagOptions, fresh?: boolean): Promise<ProjectOptions>;
//# sourceMappingURL=resolve.d.ts.map