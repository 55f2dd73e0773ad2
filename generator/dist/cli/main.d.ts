export declare function main(argv: readonly string[]): Promise<number>;
export declare class UsageError extends Error {
}
//# sourceMappingURL=main.d.ts.map