export declare const MANIFEST_NAME = ".contractgen-manifest.json";
export declare function manifestContent(paths: readonly string[]): string;
/** Files the previous run wrote; an unreadable or foreign manifest means "none" (so nothing is deleted). */
export declare function readManifest(outDir: string): {
    files: string[];
    problem?: string;
};
/** A relative path that stays inside the output folder. */
export declare function isInside(path: string): boolean;
//# sourceMappingURL=manifest.d.ts.map