/** The offset of the first bracket that opens more than `limit` levels deep, or undefined. */
export declare function excessiveNesting(text: string, limit: number): number | undefined;
//# sourceMappingURL=nesting.d.ts.map