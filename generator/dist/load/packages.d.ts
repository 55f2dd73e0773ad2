import type { Diagnostic } from '../diagnostics.js';
import type { AdapterBinding } from './adapters.js';
export interface SpecPackage {
    readonly name: string;
    /** The package folder, symlinks resolved. */
    readonly dir: string;
    /** Its package.json: an input of every run (its `contractgen` field binds the adapters). */
    readonly manifest: string;
    /** Its folder of spec files, if it ships specs. */
    readonly specsDir?: string;
    readonly adapters: readonly AdapterBinding[];
}
/** The package.json field a spec package declares its specs and adapters in. */
export declare const PACKAGE_FIELD = "contractgen";
/**
 * Finds each named package the way Node does (node_modules folders from `root` upward) and reads
 * its `contractgen` field. `configFile` is where the names come from, for diagnostics.
 */
export declare function resolvePackages(names: readonly string[], root: string, configFile?: string): {
    packages: SpecPackage[];
    diagnostics: Diagnostic[];
};
/** An installed package's package.json, found the way Node does (node_modules folders from `root` up), symlinks resolved. */
export declare function findManifest(name: string, root: string): string | undefined;
/** How a file inside a package is named in generated headers and docs: `@scope/name/specs/x.ts`. */
export declare function packageLabel(file: string, packages: readonly Pick<SpecPackage, 'name' | 'dir'>[]): string | undefined;
//# sourceMappingURL=packages.d.ts.map