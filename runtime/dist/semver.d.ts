/** A provider at version `provided` can serve a request for `wanted`: same major version, and at least as new. */
export declare function versionSatisfies(provided: string, wanted: string): boolean;
//# sourceMappingURL=semver.d.ts.map