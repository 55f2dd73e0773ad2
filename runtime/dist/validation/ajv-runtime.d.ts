export declare const ajvRuntime: Readonly<Record<string, unknown>>;
//# sourceMappingURL=ajv-runtime.d.ts.map