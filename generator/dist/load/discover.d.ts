import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedOptions } from '../options.js';
import { type InputBoundary } from './input-boundary.js';
import { type InputListing } from './list-inputs.js';
import { type SpecPackage } from './packages.js';
export interface ProjectInputs {
    readonly packages: readonly SpecPackage[];
    /** The packages' spec files first (in config order), then the project's. */
    readonly specFiles: readonly string[];
    readonly adapterFiles: readonly string[];
    /** Packages that cannot be used, a specs folder that cannot be read, input files refused (CG104). */
    readonly diagnostics: readonly Diagnostic[];
    /** What the run may read: the loader reads every file, and code frames every file, through it. */
    readonly boundary: InputBoundary;
}
export declare function discoverInputs(options: ResolvedOptions): ProjectInputs;
/**
 * TypeScript sources below a folder, in a stable order; declarations and tests are not specs. A
 * subfolder with a package.json of its own is another package (its adapters and specs come
 * through `packages`), so it is not read as part of this one. Symlinks that leave the folder and
 * special files are refused (list-inputs.ts).
 */
export declare function discoverSpecFiles(dir: string, options?: {
    optional?: boolean;
}): InputListing;
//# sourceMappingURL=discover.d.ts.map