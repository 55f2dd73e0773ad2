export * from "@contractgen/runtime";
//# sourceMappingURL=runtime.d.ts.map