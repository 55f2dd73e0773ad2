export declare function readTsConfig(file: string): unknown;
//# sourceMappingURL=read-ts.d.ts.map