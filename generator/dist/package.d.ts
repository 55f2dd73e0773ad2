/** The contractgen package folder (holds package.json, bin/, dist/, templates/). */
export declare const PACKAGE_ROOT: string;
/** contractgen's version; generated code asks for a runtime of this version (they are released together). */
export declare const GENERATOR_VERSION: string;
export declare const DEFAULT_TEMPLATES_DIR: string;
//# sourceMappingURL=package.d.ts.map