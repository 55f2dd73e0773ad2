/**
 * The runtime's version, and the check generated code runs when it loads: code generated for one
 * runtime must not run silently against another whose API it was not written for.
 */
/** This package's version (test/packages.test.ts keeps it equal to package.json's). */
export declare const RUNTIME_VERSION = "0.1.0";
export declare class RuntimeVersionError extends Error {
    readonly installed: string;
    readonly wanted: string;
    constructor(installed: string, wanted: string);
}
/**
 * Throws unless this runtime can run code generated for `wanted` (contractgen and the runtime are
 * released together, with one version): the same major version (minor, before 1.0), and not older.
 */
export declare function assertRuntimeVersion(wanted: string): void;
export declare function runtimeServes(installed: string, wanted: string): boolean;
//# sourceMappingURL=version.d.ts.map